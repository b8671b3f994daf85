using System.Security.Claims;
using Dashboard.Web.Alerts;
using Dashboard.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Alerts;

/// <summary>The alert services on a private in-memory SQLite database with two members and a fake clock.</summary>
public sealed class AlertTestServices : IAsyncDisposable
{
    private readonly string connectionString = $"Data Source=file:alerts-{Guid.NewGuid():N}?mode=memory&cache=shared";
    private readonly SqliteConnection keepAlive;
    private readonly ServiceProvider provider;

    public AlertTestServices()
    {
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddDbContextFactory<ApplicationDbContext>(o => o.UseSqlite(connectionString))
            .AddAlerts()
            .BuildServiceProvider();

        using var db = provider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
        db.Database.EnsureCreated();
        db.Users.Add(new ApplicationUser { Id = "alice", UserName = "alice@team.test", Email = "alice@team.test" });
        db.Users.Add(new ApplicationUser { Id = "bob", UserName = "bob@team.test", Email = "bob@team.test" });
        db.SaveChanges();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero));

    public AlertService Service => provider.GetRequiredService<AlertService>();

    public AlertMonitor Monitor => provider.GetRequiredService<AlertMonitor>();

    public static ClaimsPrincipal Alice => Principal("alice");

    public static ClaimsPrincipal Bob => Principal("bob");

    public static ClaimsPrincipal Principal(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id + "@team.test")], "test"));

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await keepAlive.DisposeAsync();
    }
}
