using System.Security.Claims;
using Dashboard.Web.Data;
using Dashboard.Web.Watchlists;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>
/// The watchlist service on a private in-memory SQLite database with four members (two Traders, a Viewer
/// and an Admin) and a fake clock; every context it creates passes through <see cref="Interleave"/>.
/// </summary>
public sealed class WatchlistTestServices : IAsyncDisposable
{
    private readonly string connectionString = $"Data Source=file:watchlists-{Guid.NewGuid():N}?mode=memory&cache=shared";
    private readonly SqliteConnection keepAlive;
    private readonly ServiceProvider provider;

    public WatchlistTestServices()
    {
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddDbContextFactory<ApplicationDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(Interleave))
            .AddWatchlists()
            .BuildServiceProvider();

        using var db = provider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
        db.Database.EnsureCreated();
        foreach (var (id, email, _) in Members)
        {
            db.Users.Add(new ApplicationUser { Id = id, UserName = email, Email = email });
        }

        db.SaveChanges();
    }

    public static readonly (string Id, string Email, string Role)[] Members =
    [
        ("alice", "alice@team.test", DashboardRoles.Trader),
        ("bob", "bob@team.test", DashboardRoles.Trader),
        ("vera", "vera@team.test", DashboardRoles.Viewer),
        ("ada", "ada@team.test", DashboardRoles.Admin),
    ];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero));

    public InterleavingInterceptor Interleave { get; } = new();

    public WatchlistService Service => provider.GetRequiredService<WatchlistService>();

    public WatchlistViewService Views => provider.GetRequiredService<WatchlistViewService>();

    public IWatchlistChanges Changes => provider.GetRequiredService<IWatchlistChanges>();

    public ClaimsPrincipal Alice => Principal("alice");

    public ClaimsPrincipal Bob => Principal("bob");

    public ClaimsPrincipal Vera => Principal("vera");

    public ClaimsPrincipal Ada => Principal("ada");

    /// <summary>A signed-in member as the app's claims factory makes them: id, name and role.</summary>
    public static ClaimsPrincipal Principal(string id)
    {
        var (_, email, role) = Members.Single(m => m.Id == id);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)],
            "test"));
    }

    public async Task<ApplicationDbContext> DbAsync() =>
        await provider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await keepAlive.DisposeAsync();
    }
}
