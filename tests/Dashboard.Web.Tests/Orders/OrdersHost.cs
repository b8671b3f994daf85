using System.Security.Claims;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The real host (Production environment, its own SQLite file, real order service, audit and limits)
/// with the broker replaced by <see cref="FakeOrderGateway"/> and prices by <see cref="FakePriceReferences"/>.
/// </summary>
internal sealed class OrdersHost : IAsyncDisposable
{
    private readonly DashboardFactory factory;
    private readonly WebApplicationFactory<Program> host;

    public OrdersHost(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Orders:ReconcileInterval"] = "01:00:00" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        factory = new DashboardFactory(all);
        host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IOrderGateway>();
            services.AddSingleton<IOrderGateway>(Gateway);
            services.RemoveAll<IPriceReferenceSource>();
            services.AddSingleton<IPriceReferenceSource>(Prices);
        }));
    }

    public FakeOrderGateway Gateway { get; } = new();

    public FakePriceReferences Prices { get; } = new();

    public IServiceProvider Services => host.Services;

    public string DatabasePath => Path.Combine(factory.DataPath, "dashboard.db");

    public IOrderService Orders => Services.GetRequiredService<IOrderService>();

    public OrderAuditLog Audit => Services.GetRequiredService<OrderAuditLog>();

    /// <summary>Every log record of the host; keep the collector to read it after the host is gone.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public async Task<(string Id, ClaimsPrincipal Principal)> MemberAsync(string email, string role, bool twoFactor = false)
    {
        var id = await TestMembers.CreateAsync(Services, email, role, twoFactor);
        return (id, await TestMembers.PrincipalAsync(Services, id));
    }

    public async Task<List<OrderAuditEntry>> AuditRowsAsync(Guid? intentId = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.OrderAudit.AsNoTracking().Where(a => intentId == null || a.IntentId == intentId).OrderBy(a => a.Sequence).ToListAsync();
    }

    public async Task<OrderIntent?> IntentAsync(Guid id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        return await db.OrderIntents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
    }

    /// <summary>A connection of its own to the database file, as another process (or an attacker with file access) would have.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await factory.DisposeAsync();
    }
}
