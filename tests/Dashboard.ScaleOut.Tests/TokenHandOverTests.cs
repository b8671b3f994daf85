using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker;
using Xunit.Abstractions;
using static Dashboard.ScaleOut.Tests.RelayedFeeds;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// A holder's clean stop and the key's one token: the simulator, like Kiwoom, hands every caller of one app key the
/// same live token, so the token a departing holder revokes may be the one the new holder was just given.
/// </summary>
public sealed class TokenHandOverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Codes = ["005930"];
    private LeasedInstances instances = null!;

    public async Task InitializeAsync() => instances = await LeasedInstances.StartAsync();

    public async Task DisposeAsync() => await instances.DisposeAsync();

    /// <summary>
    /// The clean stop in its two phases (sessions closed and keys given back, then tokens revoked), with the other
    /// instance taking the key over in between, as it does within a renewal poll: its first query after the stop must be
    /// answered, with no 8005 at the simulator and no token re-issue on its side.
    /// </summary>
    [Fact]
    public async Task AHolderThatStopsCleanlyLeavesTheKeysTokenToTheNewHolder()
    {
        var (owner, connection) = await instances.NewMemberAsync("hand-over@team.test");
        var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        var keyId = holder.Shared.KeyId;
        await using var onSim = (await LeasedInstances.Registry(instances.Simulating).OpenAsync(owner, connection)).Lease!;
        await using var feed = (await onSim.Shared.Feeds.SubscribeQuotesAsync(Codes)).Value!;
        Assert.NotEmpty(await FirstBatchAsync(feed));
        var otherLogs = instances.Other.Logs;

        // Phase one of the clean stop: the holder's sessions close and it gives the key back; the other instance takes
        // it over and logs in on its own socket with the key's token, which the simulator hands it unchanged.
        await LeasedInstances.Registry(instances.Other).DisposeAsync();
        var router = LeasedInstances.Router(instances.Simulating);
        await Eventually.TrueAsync(() => router.HeldKeys.Contains(keyId), Wait, "the lease never moved");
        await DrainAsync(feed);
        Assert.NotEmpty(await FirstBatchAsync(feed));

        // Phase two: the departing instance's tokens.
        await instances.StopOtherAsync();

        var errorsBefore = instances.Simulator.Stats().Errors;
        var first = await onSim.Shared.Queries.QueryAsync(new Ka10001Request { StockCode = "005930" });
        output.WriteLine($"first query after the stop: {(first.IsSuccess ? "answered" : first.Error!.Message)}");
        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(0, instances.Simulator.Stats().Errors - errorsBefore);
        Assert.DoesNotContain(instances.Simulating.Logs.GetSnapshot(), r => r.Id.Id == 1011); // "rejected the token (8005); re-issued it"
        Assert.Contains(otherLogs.GetSnapshot(), r => r.Id.Id == 5332 && r.Message.Contains(keyId, StringComparison.Ordinal));
        Assert.Equal(0, Revokes(otherLogs));
    }

    /// <summary>REL-10 still holds with several instances: the last instance using a key revokes its token on the way out.</summary>
    [Fact]
    public async Task TheLastInstanceUsingAKeyRevokesItsTokenWhenItStops()
    {
        var (owner, connection) = await instances.NewMemberAsync("last-user@team.test");
        var holder = (await LeasedInstances.Registry(instances.Other).OpenAsync(owner, connection)).Lease!;
        await Eventually.TrueAsync(() => holder.Shared.Status.State == BrokerLinkState.Connected, Wait, "the holder never connected");
        var otherLogs = instances.Other.Logs;

        await instances.StopOtherAsync();

        Assert.Equal(1, Revokes(otherLogs));
        Assert.DoesNotContain(otherLogs.GetSnapshot(), r => r.Id.Id == 5332);
    }

    /// <summary>au10002 calls this instance's own HTTP client sent.</summary>
    private static int Revokes(Microsoft.Extensions.Logging.Testing.FakeLogCollector logs) =>
        logs.GetSnapshot().Count(r =>
            r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true
            && r.Category.EndsWith("LogicalHandler", StringComparison.Ordinal)
            && r.Message.StartsWith("Start processing HTTP request", StringComparison.Ordinal)
            && r.Message.Contains("/oauth2/revoke", StringComparison.Ordinal));
}
