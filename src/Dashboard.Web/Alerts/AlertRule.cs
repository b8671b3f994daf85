namespace Dashboard.Web.Alerts;

/// <summary>An enabled alert as the evaluator sees it (no owner: an evaluator serves one member).</summary>
public sealed record AlertRule(Guid Id, string Code, AlertKind Kind, decimal Threshold, int WindowMinutes, bool Rearm)
{
    public static AlertRule From(PriceAlert alert) =>
        new(alert.Id, alert.Code, alert.Kind, alert.Threshold, alert.WindowMinutes, alert.Rearm);

    public bool WatchesQuotes => Kind != AlertKind.ViTriggered;
}
