using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Web.Alerts;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Preferences;
using Dashboard.Web.Shell;
using Dashboard.Web.Vi;
using Dashboard.Web.Watchlists;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The one Mud-aware bUnit context every component test uses: MudBlazor services with loose JS interop,
/// the shared localizer, a fake clock, a private in-memory SQLite database and a signed-in member.
/// </summary>
public class DashboardTestContext : BunitContext
{
    // Each context opens its own connection to this named in-memory database; the one held open keeps it alive.
    // One connection object shared by contexts on several threads (a component's load beside the test's own read)
    // failed with "unable to delete/modify user-function due to active statements" when a new context registered
    // EF's SQLite functions on it while another ran a statement.
    private readonly string connectionString = $"Data Source=file:bunit-{Guid.NewGuid():N}?mode=memory&cache=shared";
    private readonly SqliteConnection connection;

    public DashboardTestContext(string culture = "ko", Action<IServiceCollection>? configure = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddOptions<ShellOptions>();
        Services.AddOptions<SimulatorHostingOptions>().Configure(o => o.BaseUrl = "http://127.0.0.1:9/kiwoom-sim/");

        connection = new SqliteConnection(connectionString);
        connection.Open();
        Services.AddDbContextFactory<ApplicationDbContext>(o => o.UseSqlite(connectionString));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<IServer>(new NoServer());
        Services.AddSingleton<CredentialProtector>();
        Services.AddSingleton<SimulatorAddress>();
        Services.AddSingleton<ConnectionService>();
        Services.AddSingleton<MemberPreferencesService>();
        Services.AddSingleton<ActiveConnectionStore>();

        // The layout's alert watcher and VI banner; a test that needs a broker session registers its own (the last registration wins).
        Services.AddAlerts();
        Services.AddWatchlists();
        Services.AddViAlerts();
        Services.AddSingleton<Dashboard.Web.Broker.IBrokerSessions>(new Broker.Fakes.FakeBrokerSessions(null));

        // Market screens' panels refresh through the member's poll budget.
        Services.AddOptions<Dashboard.Web.Market.Polling.PollingOptions>();
        Services.AddOptions<Dashboard.Kiwoom.Rest.KiwoomClientOptions>();
        Services.AddSingleton<Dashboard.Web.Market.Polling.PollScheduler>();

        using (var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connection).Options))
        {
            db.Database.EnsureCreated();
            db.Users.Add(new ApplicationUser { Id = MemberId, UserName = "member@team.test", Email = "member@team.test" });
            db.SaveChanges();
        }

        Auth = AddAuthorization();
        Auth.SetAuthorized("member@team.test");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, MemberId));
        Member = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, MemberId)], "test"));
        configure?.Invoke(Services);

        // Last: reaching the renderer freezes the service collection.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public const string MemberId = "member-1";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    public ClaimsPrincipal Member { get; }

    /// <summary>The signed-in member's authentication state; a test may sign them out (the services are frozen by then).</summary>
    public BunitAuthorizationContext Auth { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            connection.Dispose();
        }
    }

    /// <summary>Components here never need a listening server; the simulator address comes from options.</summary>
    private sealed class NoServer : IServer
    {
        public Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
