using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Microsoft.Data.Sqlite;

namespace Dashboard.Web.Tests.Orders;

/// <summary>SEC-18 (hash chain, append-only triggers, tamper detection) and REL-12 (concurrent writers, no "database is locked").</summary>
public sealed class OrderAuditLogTests : IAsyncLifetime
{
    private readonly OrdersHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static AuditEvent Event(int n) =>
        new(OrderAuditKind.Intent, "member-" + (n % 3), "member-" + (n % 3), Guid.NewGuid(), Guid.NewGuid(), "005930", OrderSide.Buy, n + 1, 70_000, "0", null, $"event {n}");

    [Fact]
    public async Task AnAppendedChainVerifies()
    {
        for (var n = 0; n < 20; n++)
        {
            await host.Audit.AppendAsync(Event(n));
        }

        var result = await host.Audit.VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(20, result.RowsChecked);
        var rows = await host.AuditRowsAsync();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(AuditHash.Genesis, rows[0].PreviousHash);
        Assert.All(rows.Skip(1), (r, i) => Assert.Equal(rows[i].Hash, r.PreviousHash));
    }

    [Fact]
    public async Task TheDatabaseRefusesUpdateAndDelete()
    {
        await host.Audit.AppendAsync(Event(1));
        await using var raw = host.OpenRaw();
        foreach (var sql in new[] { "UPDATE OrderAudit SET Details = 'changed' WHERE Sequence = 1", "DELETE FROM OrderAudit WHERE Sequence = 1" })
        {
            await using var command = raw.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("event 1", Assert.Single(await host.AuditRowsAsync()).Details);
    }

    [Fact]
    public async Task TamperingIsReportedAtTheFirstChangedRow()
    {
        for (var n = 0; n < 12; n++)
        {
            await host.Audit.AppendAsync(Event(n));
        }

        await using (var raw = host.OpenRaw())
        {
            await using var command = raw.CreateCommand();
            command.CommandText = "DROP TRIGGER OrderAudit_NoUpdate; UPDATE OrderAudit SET Quantity = 9999 WHERE Sequence = 7; UPDATE OrderAudit SET Details = 'x' WHERE Sequence = 10;";
            await command.ExecuteNonQueryAsync();
        }

        var result = await host.Audit.VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(7, result.FirstBadSequence);
    }

    [Fact]
    public async Task ARemovedRowIsReportedByItsSequence()
    {
        for (var n = 0; n < 6; n++)
        {
            await host.Audit.AppendAsync(Event(n));
        }

        await using (var raw = host.OpenRaw())
        {
            await using var command = raw.CreateCommand();
            command.CommandText = "DROP TRIGGER OrderAudit_NoDelete; DELETE FROM OrderAudit WHERE Sequence = 4;";
            await command.ExecuteNonQueryAsync();
        }

        var result = await host.Audit.VerifyAsync();
        Assert.Equal(4, result.FirstBadSequence);
    }

    [Fact]
    public async Task EightConcurrentWritersBesideAnotherWriterNeverForkOrLock()
    {
        var (memberId, _) = await host.MemberAsync("busy@team.test", DashboardRoles.Trader);
        using var stop = new CancellationTokenSource();

        // Another writer on its own connection (a watchlist save, say) keeps taking the write lock meanwhile.
        var other = Task.Run(async () =>
        {
            await using var raw = host.OpenRaw();
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await using var command = raw.CreateCommand();
                command.CommandText = "UPDATE AspNetUsers SET Culture = $c WHERE Id = $id";
                command.Parameters.AddWithValue("$c", n++ % 2 == 0 ? "ko" : "en");
                command.Parameters.AddWithValue("$id", memberId);
                await command.ExecuteNonQueryAsync();
            }

            return n;
        });

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < 50; n++)
            {
                await host.Audit.AppendAsync(Event((w * 50) + n));
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        Assert.True(await other > 0);

        var rows = await host.AuditRowsAsync();
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public void LongDigitRunsAreMaskedInDetails()
    {
        Assert.Equal("account ••••••5678 and ••••••••••9012", AuditText.Scrub("account 1234565678 and 1234-5678-9012"));
        Assert.Equal("filled 1,234,000 at 70,000", AuditText.Scrub("filled 1,234,000 at 70,000"));
    }
}
