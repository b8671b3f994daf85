using System.Collections.Frozen;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker.TeamQuotes;

/// <summary>
/// The realtime types a team may share: public market data, the same for every member of one market.
/// An allow-list on purpose: fills and balances (00, 04) are a member's own, and VI and session notices
/// (1h, 0s) are lossless streams whose order each member keeps on their own socket.
/// </summary>
internal static class SharedQuoteTypes
{
    private static readonly FrozenSet<string> Public = new[]
    {
        RealtimeTypes.StockQuotation, RealtimeTypes.Trade, RealtimeTypes.BestQuote, RealtimeTypes.OrderBook,
        RealtimeTypes.AfterHoursBook, RealtimeTypes.Brokers, RealtimeTypes.EtfNav, RealtimeTypes.ExpectedExecution,
        RealtimeTypes.GoldPrice, RealtimeTypes.SectorIndex, RealtimeTypes.SectorAdvanceDecline, RealtimeTypes.InstrumentInfo,
        RealtimeTypes.ElwTheoretical, RealtimeTypes.ElwIndicators, RealtimeTypes.ProgramTrading,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsShareable(string type) => Public.Contains(type) && !RealtimeTypes.IsLossless(type);
}
