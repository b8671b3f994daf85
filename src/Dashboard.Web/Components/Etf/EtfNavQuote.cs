using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Components.Etf;

/// <summary>A 0G push as a conflated value: the latest NAV of one ETF wins.</summary>
public sealed record EtfNavQuote(EtfNav Nav) : ILiveValue
{
    public string Key => Nav.Item;

    public static EtfNavQuote? From(RealtimeEvent e) => EtfNav.From(e) is { } nav ? new EtfNavQuote(nav) : null;
}
