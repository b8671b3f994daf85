using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Components.Elw;

/// <summary>A 0u push (ELW 지표): parity, premium, gearing, break-even rate and capital support point.</summary>
public sealed record ElwIndicatorQuote(
    string Key, TimeOnly? Time, decimal? Parity, decimal? Premium, decimal? Gearing, decimal? BreakEven,
    decimal? CapitalSupport, DateTimeOffset ReceivedAt) : ILiveValue
{
    public static ElwIndicatorQuote? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.ElwIndicators)
        {
            return null;
        }

        var v = e.Values;
        return new ElwIndicatorQuote(
            e.Item, v.GetTime(RealtimeFid.Time), v.GetDecimal(RealtimeFid.Parity), v.GetDecimal(RealtimeFid.Premium), v.GetDecimal(RealtimeFid.ELWGearingRatio), v.GetDecimal(RealtimeFid.ELWBreakEvenRate), v.GetDecimal(RealtimeFid.ELWCapitalSupportPoint), e.ReceivedAt);
    }
}
