using Npgsql;
using StackExchange.Redis;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// Where the loopback PostgreSQL and Redis are (scripts/scale-out-services.sh starts them); override with
/// SCALEOUT_POSTGRES / SCALEOUT_REDIS. Missing services fail the tests with the command that starts them.
/// </summary>
internal static class ScaleOutServices
{
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("SCALEOUT_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=dashboard;Password=dashboard-test;Database=postgres";

    public static string Redis => Environment.GetEnvironmentVariable("SCALEOUT_REDIS") ?? "127.0.0.1:6379";

    public const string StartCommand = "sudo bash scripts/scale-out-services.sh";

    public static async Task<NpgsqlConnection> OpenPostgresAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"PostgreSQL is not reachable ({ex.Message}); start it with `{StartCommand}`.", ex);
        }

        return connection;
    }

    public static async Task<ConnectionMultiplexer> ConnectRedisAsync()
    {
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(Redis);
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException($"Redis is not reachable at {Redis}; start it with `{StartCommand}`.", ex);
        }
    }
}
