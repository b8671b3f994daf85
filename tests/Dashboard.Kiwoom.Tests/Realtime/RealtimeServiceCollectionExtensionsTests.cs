using Dashboard.Kiwoom.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Tests.Realtime;

public sealed class RealtimeServiceCollectionExtensionsTests
{
    [Fact]
    public void OptionsAreBoundFromConfiguration()
    {
        using var provider = Build(new() { ["Kiwoom:Realtime:SilenceTimeout"] = "00:00:45", ["Kiwoom:Realtime:RealDataTimeout"] = "00:03:00" });

        var options = provider.GetRequiredService<IOptions<RealtimeClientOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(3)), (options.SilenceTimeout, options.RealDataTimeout));
        Assert.Same(provider.GetRequiredService<KiwoomRealtimeClientFactory>(), provider.GetRequiredService<KiwoomRealtimeClientFactory>());
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        using var provider = Build(new() { ["Kiwoom:Realtime:MaxBackoff"] = "00:00:00.5" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RealtimeClientOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IKiwoomTokenSource>(new FakeTokenSource(TimeProvider.System));
        services.AddKiwoomRealtime();
        return services.BuildServiceProvider();
    }
}
