using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Broker;

/// <summary>Bars oldest first, and where the next (older) page starts, if there is one.</summary>
public sealed record ChartPage(IReadOnlyList<Candle> Candles, KiwoomContinuation? Next);
