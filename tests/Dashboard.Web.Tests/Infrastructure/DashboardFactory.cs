using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// The real host (Program.cs) in the Production environment, on a fresh temporary data folder,
/// reached over https://dashboard.test through the in-memory test server; every log record is captured.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Dashboard.Web.Connections.IConnectionTester? tester;

    public DashboardFactory(IDictionary<string, string?>? overrides = null, string? dataPath = null, Dashboard.Web.Connections.IConnectionTester? tester = null)
    {
        this.tester = tester;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>
        {
            ["Dashboard:DataPath"] = DataPath,
            // Production refuses a key-ring secret beside the data; one derived from the folder keeps a restart on it readable.
            ["Dashboard:KeyRingSecret"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DataPath))),
            ["Dashboard:RedirectToHttps"] = "false",
            ["SimulatorHosting:BaseUrl"] = "https://dashboard.test/kiwoom-sim/",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        ClientOptions.BaseAddress = new Uri("https://dashboard.test/");
        ClientOptions.AllowAutoRedirect = false;
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

        // Every Kiwoom call goes to this in-memory server (the in-process simulator); never to a real host.
        builder.ConfigureServices(services => services.AddHttpClient("Dashboard.Kiwoom")
            .ConfigurePrimaryHttpMessageHandler(() => new StoppedServerHandler(Server.CreateHandler())));

        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestRemoteAddress>());

        if (tester is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(tester));
        }

        builder.ConfigureLogging(logging => logging.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false).SetMinimumLevel(LogLevel.Debug));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
