using System.ComponentModel.DataAnnotations;

namespace Dashboard.Kiwoom.Simulator;

/// <summary>
/// Settings of the simulated market, bound from the "Simulator" configuration section, and the only type bound to it.
/// Whether and where a dashboard serves the simulator is the host's concern: "SimulatorHosting" (Enabled, Prefix,
/// BaseUrl, AllowRemote; Dashboard.Web.Connections.SimulatorHostingOptions).
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Seed of the market model: the same seed and clock give the same market.</summary>
    public int Seed { get; set; } = 20_250_101;

    /// <summary>Lifetime of issued tokens (Kiwoom: 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Requests per second allowed per app key and api-id before 1700 / HTTP 429.</summary>
    [Range(1, 100_000)]
    public int RateLimitPerSecond { get; set; } = 5;

    /// <summary>Most simulated accounts (one per app key); a new key beyond it gets 8100 on its token request.</summary>
    [Range(1, 1_000_000)]
    public int MaxAccounts { get; set; } = 1_000;

    /// <summary>
    /// Token requests per client address in any one minute, counting only new app keys and wrong secrets, before
    /// 1700 / HTTP 429. A known key with its own secret is never counted.
    /// </summary>
    [Range(1, 100_000)]
    public int TokenIssuesPerMinutePerAddress { get; set; } = 20;

    /// <summary>
    /// Loopback callers are not counted by the token limit: for a host whose own sessions all reach the simulator
    /// from this machine (the dashboard embeds it; a restart reconnects every member at once).
    /// </summary>
    public bool TokenLimitExemptsLoopback { get; set; }

    /// <summary>When false any non-empty app key and secret get their own account on first use.</summary>
    public bool StrictCredentials { get; set; }

    /// <summary>Which environment this simulator plays: keys provisioned for the other one get 8030/8031.</summary>
    public KiwoomEnvironment Plays { get; set; } = KiwoomEnvironment.Mock;

    /// <summary>Keys accepted in strict mode.</summary>
    public List<ProvisionedKey> Keys { get; set; } = [];

    /// <summary>Interval between server PINGs on the WebSocket.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unanswered PINGs after which the socket gets R10002 and is closed.</summary>
    [Range(1, 100)]
    public int MissedPingsBeforeClose { get; set; } = 3;

    /// <summary>Adds FID "emit_ts" (Unix milliseconds) to each REAL entry, for latency measurement.</summary>
    public bool EmitTimestamps { get; set; }

    /// <summary>False: a continuous session so the demo is alive at any hour. True: the KRX calendar in Korea time.</summary>
    public bool KrxCalendar { get; set; }

    /// <summary>How often the market engine takes a step.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Trades executed per step across the market (before the speed factor).</summary>
    [Range(0, 100_000)]
    public int TradesPerStep { get; set; } = 20;

    /// <summary>
    /// Load-test mode when above zero: each listing of <see cref="FixedTickCodes"/> trades exactly this many
    /// times per second (spread over the steps, the listings' trades staggered across them) and nothing else
    /// trades, and price moves never trigger a VI,
    /// so two runs see the same tick rate from start to end. <see cref="TradesPerStep"/> is then ignored.
    /// </summary>
    [Range(0.0, 1_000.0)]
    public double FixedTicksPerSecond { get; set; }

    /// <summary>
    /// False: the random walk never starts a VI by itself (a move that would reach a static or dynamic VI band is held
    /// inside it), so only <c>/_sim/vi</c>, <see cref="Control.SimulatorControl.TriggerVi"/> and the closing auction's
    /// rules change a listing's trading state. Browser journeys turn it off so no step waits out a VI nobody asked
    /// for; a fresh install keeps it on so the VI screens have something to show.
    /// </summary>
    public bool SpontaneousVi { get; set; } = true;

    /// <summary>The listings that tick in the fixed-rate mode (unknown codes are refused at the first step).</summary>
    public List<string> FixedTickCodes { get; set; } = [];

    /// <summary>Starting cash of each new simulated account, in KRW.</summary>
    [Range(0, long.MaxValue)]
    public long InitialDeposit { get; set; } = 100_000_000;

    /// <summary>Rows per page of list TRs before cont-yn/next-key paging.</summary>
    [Range(1, 1_000)]
    public int PageSize { get; set; } = 20;

    /// <summary>Enables the fault/control API under /_sim (loopback callers only).</summary>
    public bool ControlEnabled { get; set; }

    /// <summary>Starts the market engine's timer; tests that step the market by hand turn it off.</summary>
    public bool AutoStart { get; set; } = true;
}
