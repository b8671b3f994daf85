namespace Dashboard.Web.Alerts;

/// <summary>What an alert watches. Stored by name, so reordering never changes a saved alert.</summary>
public enum AlertKind
{
    /// <summary>The last trade price reaches or passes the threshold (won) upwards.</summary>
    PriceAbove,

    /// <summary>The last trade price reaches or passes the threshold (won) downwards.</summary>
    PriceBelow,

    /// <summary>The price moves by at least the threshold (percent, either way) within the window.</summary>
    RateOfChange,

    /// <summary>At least the threshold (shares) trades within the window.</summary>
    VolumeSpike,

    /// <summary>A volatility interruption is triggered on the stock (realtime 1h).</summary>
    ViTriggered,
}
