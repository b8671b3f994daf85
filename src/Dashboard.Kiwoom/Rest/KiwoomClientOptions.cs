using System.ComponentModel.DataAnnotations;

namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// Settings of the REST send path, bound from <c>Kiwoom:Client</c>. Kiwoom publishes no numeric
/// limits (PROTOCOL.md 4.1), so every limit here is configurable; defaults follow what was observed.
/// </summary>
public sealed class KiwoomClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Kiwoom:Client";

    /// <summary>Names the product: Kiwoom's WAF blocks some default library user agents (PROTOCOL.md 3.1).</summary>
    [Required]
    [MinLength(1)]
    public string UserAgent { get; set; } = "KiwoomTeamDashboard/1.0";

    /// <summary>How long one HTTP exchange may take before it counts as a transport failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Query TRs per second per app key (production and simulator).</summary>
    [Range(1, 1000)]
    public int QueriesPerSecond { get; set; } = 5;

    /// <summary>Order TRs per second per app key.</summary>
    [Range(1, 1000)]
    public int OrdersPerSecond { get; set; } = 5;

    /// <summary>Query TRs per second per app key on the mock host, which is stricter.</summary>
    [Range(1, 1000)]
    public int MockQueriesPerSecond { get; set; } = 1;

    /// <summary>Token issue/revoke calls per second per app key.</summary>
    [Range(1, 100)]
    public int AuthPerSecond { get; set; } = 1;

    /// <summary>First pause of a bucket after a 1700/1701/1702 or HTTP 429; doubles on each repeat.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RateLimitPause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest pause of a bucket after repeated rate-limit answers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxRateLimitPause { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a rate-limited query is sent again after its bucket's pause. Orders: never.</summary>
    [Range(0, 10)]
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>A token this close to its <c>expires_dt</c> is replaced before use.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>First wait before issuing again after a failed issue or a repeated 8005; doubles on each repeat.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan TokenRetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between token issues after repeated failures.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxTokenRetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upper bound on pages a pager follows when the caller gives none.</summary>
    [Range(1, 10000)]
    public int DefaultMaxPages { get; set; } = 20;
}
