using Dashboard.Kiwoom.Generated;
using ViEvent = Dashboard.Kiwoom.Realtime.ViEvent;
using ViEventKind = Dashboard.Kiwoom.Realtime.ViEventKind;

namespace Dashboard.Web.Components.Home;

/// <summary>One stock's latest VI today: from the ka10054 list, then from each live 1h push.</summary>
public sealed record ViRow(string Code, string Name, long? Price, TimeOnly? TriggeredAt, bool Released, string ViType)
{
    public static ViRow? From(Ka10054MotnStkItem item) =>
        item.StockCode.Code is { } code
            ? new ViRow(code, item.StockName ?? code, item.MotnPric.Value, item.TrdeCntrProcTime.Value, item.VirelisTime.Value is not null, item.ViaplcTp ?? string.Empty)
            : null;

    public static ViRow? From(ViEvent vi) => vi.Kind switch
    {
        ViEventKind.Triggered => new ViRow(vi.Code, vi.Name, vi.TriggerPrice, vi.TriggeredAt, false, vi.ViType),
        ViEventKind.Released => new ViRow(vi.Code, vi.Name, vi.TriggerPrice, vi.TriggeredAt, true, vi.ViType),
        _ => null,
    };
}
