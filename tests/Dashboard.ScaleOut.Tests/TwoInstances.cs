using Dashboard.Web.Tests.Orders;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Two dashboard instances (the real host, each with its own data folder and process-local state) sharing one
/// PostgreSQL database, one Redis and one key-ring secret, as two machines behind a load balancer would.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(PostgresDatabase database, OrdersHost a, OrdersHost b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public PostgresDatabase Database { get; }

    public OrdersHost A { get; }

    public OrdersHost B { get; }

    /// <param name="redis">False: both on PostgreSQL but without Redis (to see what Redis adds).</param>
    public static async Task<TwoInstances> StartAsync(bool redis = true)
    {
        var database = await PostgresDatabase.CreateAsync();
        var prefix = "dashboard-test-" + Guid.NewGuid().ToString("N")[..8];
        var sharedSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        OrdersHost Host(string instance) => new(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Dashboard"] = database.ConnectionString,
            // Every instance shares one key-ring secret (the test factory would otherwise derive one per data folder).
            ["Dashboard:KeyRingSecret"] = sharedSecret,
            ["ScaleOut:Redis"] = redis ? ScaleOutServices.Redis : null,
            ["ScaleOut:Prefix"] = prefix,
            ["ScaleOut:InstanceId"] = instance,
        });

        var a = Host("a");
        _ = a.Services; // A migrates the shared database first; B then finds nothing pending.
        var b = Host("b");
        _ = b.Services;
        return new TwoInstances(database, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
