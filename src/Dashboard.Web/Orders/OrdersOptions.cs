using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Orders;

/// <summary>Order service settings (section "Orders"): default limits for members without their own, reconciliation, fee estimates.</summary>
public sealed class OrdersOptions
{
    public const string Section = "Orders";

    [Range(1, long.MaxValue)]
    public long DefaultMaxOrderValue { get; set; } = 50_000_000;

    [Range(1, long.MaxValue)]
    public long DefaultMaxQuantity { get; set; } = 10_000;

    [Range(1, 100)]
    public int DefaultPriceCollarPercent { get; set; } = 10;

    [Range(1, 1000)]
    public int DefaultOrdersPerMinute { get; set; } = 20;

    /// <summary>Production stays off until an admin allows it for a member.</summary>
    public bool DefaultAllowProduction { get; set; }

    /// <summary>How often unresolved outcomes are checked against Kiwoom's order and fill lists.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old the last trade kept for an order's price collar may be (from the session's 0B feed) before
    /// the order reads it from ka10001 again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan QuoteMaxAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a connection's 00 feed stays read after its last order settled. A cancel's answer can settle an order
    /// while Kiwoom's push of a fill that beat the cancel at the exchange is still on its way; read, it is counted, audited
    /// and shown, where a feed closed at the answer would lose it (the money moved, the records would say cancelled).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SettledGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a call on a connection ends, whether its session can be let go is read from the database; once orders were
    /// seen open, that read waits this long before it is made again on a release (the sweep checks as well). At the
    /// Kiwoom cap of 5 orders a second it used to run after every order, and the session goes only after
    /// <see cref="SettledGrace"/> anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReleaseCheckSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An order not found at Kiwoom this long after it was sent was never placed.</summary>
    public TimeSpan NotPlacedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Estimated brokerage fee per side (0.015%).</summary>
    public decimal FeeRate { get; set; } = 0.00015m;

    /// <summary>Estimated transaction tax on sells (0.18%; the statutory rate changes by year and market).</summary>
    public decimal SellTaxRate { get; set; } = 0.0018m;
}
