namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>The highest high and lowest low over a run of daily candles, with the days they were made.</summary>
public readonly record struct PriceRange(long High, DateOnly HighDate, long Low, DateOnly LowDate);
