using Dashboard.Kiwoom.Auth;
using Dashboard.Kiwoom.RateLimiting;
using Dashboard.Kiwoom.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Kiwoom.DependencyInjection;

/// <summary>Registers the Kiwoom REST client, its token source and its rate limiter.</summary>
public static class KiwoomServiceCollectionExtensions
{
    /// <summary>Largest answer body accepted; the biggest chart pages are far below this.</summary>
    private const long MaxAnswerBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Adds <see cref="KiwoomRestClient"/>, <see cref="IKiwoomTokenSource"/> (<see cref="KiwoomTokenSource"/>),
    /// <see cref="KiwoomRateLimiter"/> and <see cref="KiwoomClientOptions"/> bound from <c>Kiwoom:Client</c>
    /// of <paramref name="configuration"/> (or of the registered <see cref="IConfiguration"/> when null),
    /// validated at start. Everything is a singleton: tokens and rate budgets are per app key, process-wide.
    /// </summary>
    public static IServiceCollection AddKiwoomClient(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<KiwoomClientOptions>();
        if (configuration is null)
        {
            optionsBuilder.BindConfiguration(KiwoomClientOptions.SectionName);
        }
        else
        {
            optionsBuilder.Bind(configuration.GetSection(KiwoomClientOptions.SectionName));
        }

        optionsBuilder.ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        // A named client from the factory per call, not a typed client captured by a singleton: the
        // handler still rotates. No resilience handler: every Kiwoom call is a POST and orders must never
        // be re-sent; the timeout is ours (RequestTimeout, on the TimeProvider), not HttpClient's.
        services.AddHttpClient(KiwoomHttpSender.ClientName, http =>
        {
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.MaxResponseContentBufferSize = MaxAnswerBytes;
        });

        services.TryAddSingleton<KiwoomRateLimiter>();
        services.TryAddSingleton<IKiwoomTokenIssuer, KiwoomOAuthClient>();
        services.TryAddSingleton<KiwoomTokenSource>();
        services.TryAddSingleton<IKiwoomTokenSource>(sp => sp.GetRequiredService<KiwoomTokenSource>());
        services.TryAddSingleton<KiwoomRestClient>();
        return services;
    }
}
