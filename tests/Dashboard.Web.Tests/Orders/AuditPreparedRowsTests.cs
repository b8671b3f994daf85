using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// On SQLite the audit writer keeps one connection open and writes a run's rows with prepared statements built from
/// the EF model instead of SaveChanges: the rows must be stored exactly as SaveChanges stores them (so they read
/// back, hash and verify the same), and the kept connection must end with the writer, never under a running batch.
/// Durability on that connection: an intent, a refusal or an admin change commits with synchronous=FULL (on the disk
/// before its caller goes on: the order TR leaves only after); a batch holding only what the broker answered commits
/// with NORMAL, because reconciliation can read it from the broker again. One durable append makes a batch FULL.
/// </summary>
public sealed class AuditPreparedRowsTests : IAsyncLifetime
{
    // PRAGMA synchronous as SQLite reports it.
    private const long Normal = 1, Full = 2;

    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00" });
    private string memberId = string.Empty;
    private System.Security.Claims.ClaimsPrincipal principal = new();
    private Guid connection;

    public async Task InitializeAsync()
    {
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        (memberId, principal) = await host.MemberAsync("prepared@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(memberId);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PreparedRowsAreStoredAsSaveChangesStoresTheSameValues()
    {
        var runs = host.Audit.PreparedRuns;

        // An intent and its Intent and Sent rows inserted, then its Accepted row with the intent updated: both statement kinds.
        var placed = await host.Orders.PlaceOrderAsync(principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 3, 69_000, "0"));
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        Assert.True(host.Audit.PreparedRuns - runs >= 2, "the intent and its outcome were not written by prepared statements");

        var verified = await host.Audit.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
        var rows = await host.AuditRowsAsync(placed.IntentId);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted], rows.Select(r => r.Kind));
        Assert.All(rows, r => Assert.Equal(r.Hash, AuditHash.Compute(r)));
        var intent = (await host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Accepted, 3L, "0000101"), (intent.State, intent.OpenQuantity, intent.OrderNumber));

        // The same values written by SaveChanges under other keys, then every column compared as stored.
        var copyId = Guid.NewGuid();
        var copySequences = rows.Select(r => r.Sequence + 1_000_000).ToList();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            intent.Id = copyId;
            db.OrderIntents.Add(intent);
            foreach (var row in rows)
            {
                row.Sequence += 1_000_000;
                db.OrderAudit.Add(row);
            }

            await db.SaveChangesAsync();
        }

        using var raw = host.OpenRaw();
        Assert.Equal(Stored(raw, "OrderIntents", "Id", placed.IntentId.ToString().ToUpperInvariant()), Stored(raw, "OrderIntents", "Id", copyId.ToString().ToUpperInvariant()));
        foreach (var (sequence, copy) in rows.Select(r => r.Sequence - 1_000_000).Zip(copySequences))
        {
            Assert.Equal(Stored(raw, "OrderAudit", "Sequence", sequence), Stored(raw, "OrderAudit", "Sequence", copy));
        }
    }

    [Fact]
    public async Task DisposeWhileABatchRunsLetsItCommitAndThenClosesTheWritersConnection()
    {
        var first = (await host.Audit.AppendAsync(Event("first")))!.Sequence;
        Assert.True(host.Audit.HoldsConnection);

        var (held, release) = await host.Audit.HoldAsync(Event("held"));
        var queued = host.Audit.AppendAsync(Event("queued"));

        host.Audit.Dispose();
        Assert.True(host.Audit.HoldsConnection);
        release.SetResult();

        Assert.Equal("held", (await held)!.Details);
        Assert.Equal("queued", (await queued)!.Details);
        await Eventually.TrueAsync(() => !host.Audit.HoldsConnection, TimeSpan.FromSeconds(30));

        // Appends after Dispose (a shutdown's last outcomes) are still written, each batch on a context of its own.
        Assert.Equal(first + 3, (await host.Audit.AppendAsync(Event("after")))!.Sequence);
        Assert.False(host.Audit.HoldsConnection);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task DisposeOfAnIdleWriterClosesItsConnection()
    {
        var first = (await host.Audit.AppendAsync(Event("first")))!.Sequence;

        // Idle means the writer has ended, not only that its queue is empty (it may still be finishing the batch).
        await Eventually.TrueAsync(() => host.Audit.Queued == 0 && !host.Audit.Writing, TimeSpan.FromSeconds(30));
        Assert.True(host.Audit.HoldsConnection);

        host.Audit.Dispose();

        Assert.False(host.Audit.HoldsConnection);
        Assert.Equal(first + 1, (await host.Audit.AppendAsync(Event("after")))!.Sequence);
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AnIntentCommitsToTheDiskAndTheBrokersAnswerAloneDoesNotWaitForIt()
    {
        var first = await host.Orders.PlaceOrderAsync(principal, Ticket());
        Assert.Equal(OrderOutcome.Accepted, first.Outcome);
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        // The second order's TR is held at the broker: the last batch committed is its intent's, and it went to the disk.
        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var placing = host.Orders.PlaceOrderAsync(principal, Ticket());
        await Eventually.TrueAsync(() => host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(30));
        Assert.Equal(Full, host.Audit.WriterSynchronous());

        // Its answer's Accepted row, alone in its batch, did not wait for the disk.
        host.Gateway.Gate.SetResult();
        Assert.Equal(OrderOutcome.Accepted, (await placing).Outcome);
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        // A refusal (an audit event of our own) is durable again.
        await host.Audit.AppendAsync(Event("a refusal of our own"));
        Assert.Equal(Full, host.Audit.WriterSynchronous());
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AWriterConnectionLeftAtNormalIsNotHandedToAnotherWriterWhenReleased()
    {
        Assert.Equal(OrderOutcome.Accepted, (await host.Orders.PlaceOrderAsync(principal, Ticket())).Outcome);
        await Eventually.TrueAsync(() => host.Audit.Queued == 0 && !host.Audit.Writing, TimeSpan.FromSeconds(30));
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        host.Audit.Dispose();

        // Every connection SQLite's pool can hand out now (more at once than it keeps idle) syncs its commits.
        string connectionString;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        var connections = Enumerable.Range(0, 8).Select(_ => new SqliteConnection(connectionString)).ToList();
        try
        {
            foreach (var connection in connections)
            {
                connection.Open();
                using var read = connection.CreateCommand();
                read.CommandText = "PRAGMA synchronous;";
                Assert.Equal(Full, (long)read.ExecuteScalar()!);
            }
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task ABatchWithAnAnswerAndAnythingElseCommitsToTheDisk()
    {
        var placed = await host.Orders.PlaceOrderAsync(principal, Ticket());
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        // An answer-like change and an admin note queued together behind a held writer: one batch, FULL.
        var (held, release) = await host.Audit.HoldAsync(Event("held"));
        var store = host.Services.GetRequiredService<OrderIntentStore>();
        var change = store.ChangeAsync(placed.IntentId, i => new AuditEvent(OrderAuditKind.Reconciled, i.MemberId, AuditEvent.System, IntentId: i.Id, Details: "read back"));
        var note = host.Audit.AppendAsync(Event("admin note"));
        await Eventually.TrueAsync(() => host.Audit.Queued == 2, TimeSpan.FromSeconds(30));
        release.SetResult();
        await Task.WhenAll(held, change, note);
        await Eventually.TrueAsync(() => host.Audit.Queued == 0, TimeSpan.FromSeconds(30));
        Assert.Equal(Full, host.Audit.WriterSynchronous());
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    private OrderTicket Ticket() => new(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 1, 69_000, "0");

    private static AuditEvent Event(string details) => new(OrderAuditKind.LimitChanged, "member", "admin", Details: details);

    /// <summary>Every column of one row but the key, as SQLite stores it: its storage class and its value.</summary>
    private static List<(string Column, string Type, object Value)> Stored(SqliteConnection raw, string table, string key, object value)
    {
        using var command = raw.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = $key";
        command.Parameters.AddWithValue("$key", value);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no {table} row {value}");
        var columns = new List<(string, string, object)>();
        for (var n = 0; n < reader.FieldCount; n++)
        {
            if (reader.GetName(n) != key)
            {
                columns.Add((reader.GetName(n), reader.GetDataTypeName(n), reader.GetValue(n)));
            }
        }

        return columns;
    }
}
