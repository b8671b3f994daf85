using Dashboard.Kiwoom.DependencyInjection;
using Dashboard.Kiwoom.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Cli.Hosting;

/// <summary>
/// The broker library wired the way the web app wires it (<see cref="KiwoomServiceCollectionExtensions.AddKiwoomClient"/>),
/// for one run of the CLI. Library logs go to standard error only with --verbose.
/// </summary>
internal sealed class KiwoomConnection : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private KiwoomConnection(ServiceProvider services, ConnectionSettings settings)
    {
        this.services = services;
        Settings = settings;
        Rest = services.GetRequiredService<KiwoomRestClient>();
        Tokens = services.GetRequiredService<IKiwoomTokenSource>();
    }

    public ConnectionSettings Settings { get; }

    public KiwoomCredential Credential => Settings.Credential;

    public KiwoomRestClient Rest { get; }

    public IKiwoomTokenSource Tokens { get; }

    /// <summary>A logger that writes to standard error with --verbose and nowhere otherwise.</summary>
    public ILogger<T> Logger<T>() => services.GetRequiredService<ILogger<T>>();

    public static KiwoomConnection Open(ConnectionSettings settings, TextWriter stderr, bool verbose)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.None);
            if (verbose)
            {
                logging.AddProvider(new TextWriterLoggerProvider(stderr));
            }
        });

        // No configuration file: the client's defaults are the documented limits.
        collection.AddKiwoomClient(new ConfigurationBuilder().Build());
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new KiwoomConnection(provider, settings);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
