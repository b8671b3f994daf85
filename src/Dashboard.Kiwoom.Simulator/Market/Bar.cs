namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>An OHLCV candle; Time is the start of the interval (KST wall clock for minutes, the date for days).</summary>
public readonly record struct Bar(DateTime Time, long Open, long High, long Low, long Close, long Volume, long Value);
