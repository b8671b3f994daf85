using System.Globalization;
using System.Security.Claims;
using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Orders;

/// <summary>bUnit context for the order components: MudBlazor, localization, a fake order service and broker, and a member with the given policies.</summary>
internal sealed class OrdersTestContext : BunitContext
{
    public const string MemberId = "member-1";

    // Each context opens its own connection to this named in-memory database; the one held open keeps it alive.
    // One connection object shared by contexts on several threads (a component's load beside the test's own read)
    // failed with "unable to delete/modify user-function due to active statements" when a new context registered
    // EF's SQLite functions on it while another ran a statement.
    private readonly string connectionString = $"Data Source=file:orders-{Guid.NewGuid():N}?mode=memory&cache=shared";
    private readonly SqliteConnection connection;

    public OrdersTestContext(KiwoomEnvironment environment = KiwoomEnvironment.Simulator, string culture = "en", params string[] policies)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<IOrderService>(Orders);
        Sessions = new FakeBrokerSessions(environment);
        Services.AddSingleton<IBrokerSessions>(Sessions);
        Services.AddOptions<OrdersOptions>();
        Services.AddSingleton<IPriceReferenceSource, BrokerPriceReferenceSource>();
        connection = new SqliteConnection(connectionString);
        connection.Open();
        Services.AddDbContextFactory<ApplicationDbContext>(o => o.UseSqlite(connectionString));
        using (var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connection).Options))
        {
            db.Database.EnsureCreated();
            db.Users.Add(new ApplicationUser { Id = MemberId, UserName = "member@team.test", Email = "member@team.test", TwoFactorEnabled = true });
            db.SaveChanges();
        }

        var auth = AddAuthorization();
        auth.SetAuthorized("member@team.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, MemberId));
        auth.SetPolicies(policies.Length == 0 ? [DashboardPolicies.Trade] : policies);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public FakeOrderService Orders { get; } = new();

    public FakeBrokerSessions Sessions { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            connection.Dispose();
        }
    }
}
