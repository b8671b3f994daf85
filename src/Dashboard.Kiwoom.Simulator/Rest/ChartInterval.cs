namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>The candle interval a chart TR reports.</summary>
internal enum ChartInterval
{
    None,
    Tick,
    Minute,
    Day,
    Week,
    Month,
    Year,
}
