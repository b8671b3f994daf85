using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dashboard.Web.Tests.Broker;

/// <summary>
/// The real host (Program.cs) in the Production environment on Kestrel at 127.0.0.1, on a fresh temporary
/// data folder. Unlike the in-memory factory, broker sessions open real sockets: REST and the WebSocket go
/// over loopback to the embedded simulator at this server's own address. Every log record is captured.
/// </summary>
public sealed class KestrelDashboardFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    // A test that passes its own data folder (to restart a host on it) deletes it itself.
    private readonly bool ownsDataPath;

    /// <param name="services">Replacements after the app's own registrations (e.g. a skewed clock for one instance).</param>
    public KestrelDashboardFactory(IDictionary<string, string?> overrides, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        var given = overrides.TryGetValue("Dashboard:DataPath", out var path) ? path : null;
        ownsDataPath = given is null;
        DataPath = given ?? Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>
        {
            ["Dashboard:DataPath"] = DataPath,
            // Production refuses a key-ring secret beside the data; one derived from the folder keeps a restart on it readable.
            ["Dashboard:KeyRingSecret"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DataPath))),
            ["Dashboard:RedirectToHttps"] = "false",

            // Empty: the simulator's address is this server's own bound address plus its prefix.
            ["SimulatorHosting:BaseUrl"] = "",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        UseKestrel(0);
    }

    public string DataPath { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false).SetMinimumLevel(LogLevel.Debug));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDataPath)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans /tmp.
        }
    }
}
