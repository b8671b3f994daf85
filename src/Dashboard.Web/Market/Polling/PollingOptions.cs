using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Market.Polling;

/// <summary>Settings of screen polling, bound from <c>Dashboard:Polling</c>.</summary>
public sealed class PollingOptions
{
    public const string Section = "Dashboard:Polling";

    /// <summary>
    /// Share of a member's per-key query budget that polling may plan for. The rest stays free for what
    /// the member clicks (a stock page, "more", the explorer), which then never waits behind a poll.
    /// </summary>
    [Range(0.1, 1.0)]
    public double BudgetShare { get; set; } = 0.6;

    /// <summary>How much slower every screen of a member polls after Kiwoom answered "rate limited" (1700/429).</summary>
    [Range(1.0, 10.0)]
    public double RateLimitedSlowdown { get; set; } = 2.0;

    /// <summary>How long that slowdown lasts after the last rate-limited answer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RateLimitedFor { get; set; } = TimeSpan.FromSeconds(30);
}
