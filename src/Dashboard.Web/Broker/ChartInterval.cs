namespace Dashboard.Web.Broker;

/// <summary>The chart periods of the trading screen and the TR each is read from.</summary>
public enum ChartInterval
{
    /// <summary>Every trade (ka10079, 1 tick); trades within one second share a bar, the chart's time resolution.</summary>
    Tick,
    Minute1,
    Minute3,
    Minute5,
    Minute10,
    Minute15,
    Minute30,
    Minute60,
    Day,
    Week,
    Month,
    Year,
}
