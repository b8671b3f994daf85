using Dashboard.Web.Tests.Infrastructure;
using Dashboard.Web.Watchlists;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Dashboard.ScaleOut.Tests;

/// <summary>Without scale-out settings nothing changes: SQLite, in-process notices, no Redis; bad settings say what to fix.</summary>
public sealed class SingleInstanceTests
{
    [Fact]
    public async Task WithoutScaleOutSettingsTheHostUsesSqliteAndInProcessNotices()
    {
        await using var factory = new DashboardFactory();

        Assert.IsType<InProcessWatchlistChanges>(factory.Services.GetRequiredService<IWatchlistChanges>());
        Assert.Null(factory.Services.GetService<IConnectionMultiplexer>());
        Assert.IsType<Dashboard.Web.Broker.LocalUpstreamRouter>(factory.Services.GetRequiredService<Dashboard.Web.Broker.IUpstreamRouter>());
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<Dashboard.Web.Data.ApplicationDbContext>>().CreateDbContextAsync();
        Assert.True(db.Database.IsSqlite());
    }

    [Fact]
    public async Task PostgresWithoutAConnectionStringStopsTheStartWithTheKeyToSet()
    {
        await using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" });

        var refused = Assert.Throws<InvalidOperationException>(() => factory.Services);

        Assert.Contains("ConnectionStrings:Dashboard", refused.Message, StringComparison.Ordinal);
    }
}
