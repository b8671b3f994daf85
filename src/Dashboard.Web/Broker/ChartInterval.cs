namespace Dashboard.Web.Broker;

/// <summary>The chart periods of the trading screen and the TR each is read from.</summary>
public enum ChartInterval
{
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
