using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// An ETF's NAV, premium/discount, tracking error and tracked index (ka40001-ka40010) from its basket and
/// <see cref="EtfTarget"/>: the NAV of a row is the one at that print, or that day's own NAV for a daily row
/// (<see cref="EtfHistory"/>), measured against the day before, so NAV rows move with the price and stay within a
/// fraction of a percent of it, as a real fund's do.
/// </summary>
internal static class EtfFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool TryRender(FieldSpec f, RowContext ctx, out string text)
    {
        text = "";
        if (ctx.Instrument is not { Kind: InstrumentKind.Etf, Target: { } target } etf)
        {
            return false;
        }

        var engine = ctx.Engine;
        var price = ctx.Last;
        decimal nav, baseNav;
        if (ctx.Bar is { } bar)
        {
            var day = DateOnly.FromDateTime(bar.Time);
            nav = EtfHistory.NavOn(engine, etf, day, bar.Close);
            baseNav = EtfHistory.NavOn(engine, etf, SessionSchedule.TradingDaysBefore(day).First(), ctx.BarReference);
        }
        else
        {
            nav = ctx.Trade is { Nav: > 0 } t ? t.Nav : engine.EtfNav(etf);
            baseNav = engine.EtfNavAt(etf, static m => m.BasePrice);
        }

        var index = engine.EtfIndexLevel(etf, nav);
        var indexChange = ctx.Bar is null ? index - target.BaseLevel : index - engine.EtfIndexLevel(etf, baseNav);
        var indexBase = index - indexChange;
        var disparity = nav == 0 ? 0 : Math.Round((price - nav) * 100 / nav, 2);
        text = f.Name switch
        {
            "nav" => (f.DirectionSigned || f.ArithmeticSigned ? Sign(nav - baseNav) : "") + nav.ToString("0.00", Inv),
            "navpred_pre" => (nav - baseNav).ToString("+0.00;-0.00;0.00", Inv),
            "navflu_rt" => FieldRenderer.FormatRate(f, baseNav == 0 ? 0 : Math.Round((nav - baseNav) * 100 / baseNav, 2)),
            "trace_eor_rt" => Rate(f, target.TrackingErrorBp / 100m),
            "dispty_rt" or "navetfdispty_rt" or "navetf" => FieldRenderer.FormatRate(f, disparity),

            // NAV and index move together (the index is derived from the basket), so their gap is nil.
            "navidex_dispty_rt" or "navidex" => FieldRenderer.FormatRate(f, 0),
            "etfobjt_idex_nm" or "trace_idex_nm" => target.IndexName,
            "etfobjt_idex_cd" or "trace_idex_cd" => target.IndexCode,
            "drng" => target.Multiple == 1 ? "" : target.Multiple.ToString(Inv),
            "trace_idex" or "trace_cur_prc" => f.IndexTimes100 ? ((long)(index * 100)).ToString(Inv) : index.ToString("0.00", Inv),
            "trace_pred_pre" or "trace_idex_pred_pre" => f.IndexTimes100 ? Sign(indexChange) + ((long)Math.Abs(indexChange * 100)).ToString(Inv) : indexChange.ToString("+0.00;-0.00;0.00", Inv),
            "trace_pre_sig" or "trace_idex_pred_pre_sig" => indexChange > 0 ? "2" : indexChange < 0 ? "5" : "3",
            "trace_flu_rt" or "objt_idex_pre_rt" => FieldRenderer.FormatRate(f, indexBase == 0 ? 0 : Math.Round(indexChange * 100 / indexBase, 2)),
            _ => "",
        };
        return text.Length > 0;
    }

    private static string Rate(FieldSpec f, decimal rate) =>
        f.IndexTimes100 ? ((long)Math.Round(rate * 100)).ToString(Inv) : FieldRenderer.FormatRate(f, rate);

    private static string Sign(decimal change) => change > 0 ? "+" : change < 0 ? "-" : "";
}
