using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Broker;

/// <summary>Settings of the live broker sessions, bound from the "Broker" section.</summary>
public sealed class BrokerOptions
{
    public const string Section = "Broker";

    /// <summary>How long a session (and its WebSocket) outlives the last circuit that used it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Live data older than this is shown as stale.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest interval between two renders of one live component (about 10 per second).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan RenderInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Events a lossless subscriber (fills, VI) may have queued before the delivery waits for it; the
    /// wait backs up into the realtime client's unbounded queue, so nothing is ever dropped.
    /// </summary>
    [Range(16, 1_000_000)]
    public int LosslessQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Benchmark baseline only (never set in a deployment): live pages render on every tick
    /// (<c>StateHasChanged</c> per value, no throttle) and quote feeds queue every value instead of keeping
    /// the newest per key, the way a newcomer would write it. The load benchmark measures against it.
    /// </summary>
    public bool NaiveRenderingForBenchmark { get; set; }

    /// <summary>
    /// Benchmark measurement mode only (never set in a deployment): the market overview's price cells carry
    /// the sender's emit time (<c>data-emit</c>) so the browser benchmark can time tick-to-screen.
    /// </summary>
    public bool EmitTimesInMarkupForBenchmark { get; set; }

    /// <summary>
    /// The shared team quote feed: every member's conflated public market data (quotes, indices, books; not
    /// fills, balances, VI or orders) of one market comes from one upstream registration per (type, item) on
    /// one live session of that market, so ingest grows with symbols, not members x symbols. Off by default.
    /// </summary>
    public bool SharedQuotes { get; set; }

    /// <summary>Codes per ka10095 request when a reconnect re-reads quotes that may have been missed.</summary>
    [Range(1, 100)]
    public int SnapshotBatchSize { get; set; } = 50;

    /// <summary>How long a condition search waits for the session's WebSocket to finish logging in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ConditionConnectWait { get; set; } = TimeSpan.FromSeconds(10);
}
