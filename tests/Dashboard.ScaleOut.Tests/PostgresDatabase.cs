using Npgsql;

namespace Dashboard.ScaleOut.Tests;

/// <summary>A fresh, empty PostgreSQL database for one test class, dropped (connections and all) at the end.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var name = "dashboard_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = await ScaleOutServices.OpenPostgresAsync(ScaleOutServices.PostgresAdmin))
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ScaleOutServices.PostgresAdmin) { Database = name };
        return new PostgresDatabase(name, builder.ConnectionString);
    }

    public Task<NpgsqlConnection> OpenAsync() => ScaleOutServices.OpenPostgresAsync(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await ScaleOutServices.OpenPostgresAsync(ScaleOutServices.PostgresAdmin);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
