namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>A listing's quote copied out under the market gate (condition-search rows).</summary>
internal readonly record struct QuoteSnapshot(string Code, string Name, long Last, char Sign, long Change, decimal Rate, long Volume, long Open, long High, long Low);
