using Dashboard.Kiwoom.Auth;
using Dashboard.Kiwoom.DependencyInjection;
using Dashboard.Kiwoom.RateLimiting;
using Dashboard.Kiwoom.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Kiwoom.Tests.Rest;

public sealed class KiwoomServiceCollectionExtensionsTests
{
    [Fact]
    public async Task RegistersOneSharedClientTokenSourceAndLimiter()
    {
        // Async disposal: the token source revokes its tokens on the way out.
        await using var provider = Build(new Dictionary<string, string?>());

        Assert.Same(provider.GetRequiredService<KiwoomRestClient>(), provider.GetRequiredService<KiwoomRestClient>());
        Assert.Same(provider.GetRequiredService<KiwoomTokenSource>(), provider.GetRequiredService<IKiwoomTokenSource>());
        Assert.Same(provider.GetRequiredService<KiwoomRateLimiter>(), provider.GetRequiredService<KiwoomRateLimiter>()); // one budget per process
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void OptionsBindFromKiwoomClientSection()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Kiwoom:Client:QueriesPerSecond"] = "3",
            ["Kiwoom:Client:TokenRefreshMargin"] = "00:15:00",
        });

        var options = provider.GetRequiredService<IOptions<KiwoomClientOptions>>().Value;
        Assert.Equal(3, options.QueriesPerSecond);
        Assert.Equal(TimeSpan.FromMinutes(15), options.TokenRefreshMargin);
    }

    [Fact]
    public void InvalidOptionsFailValidation()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Kiwoom:Client:QueriesPerSecond"] = "0" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KiwoomClientOptions>>().Value);
        Assert.Contains(nameof(KiwoomClientOptions.QueriesPerSecond), ex.Message);
    }

    [Fact]
    public void ARegisteredTimeProviderIsKept()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(fake);
        services.AddKiwoomClient(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddKiwoomClient(configuration);
        return services.BuildServiceProvider();
    }
}
