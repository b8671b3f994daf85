using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// The contract terms and indicators of an ELW (ka30012 detail, ka10050 sensitivities) from its
/// <see cref="ElwTerms"/> and the Black-Scholes evaluation on the underlying's live price, in the wire forms
/// the catalog documents (x100 and six implied decimals), so the detail screen reads like a real warrant's.
/// </summary>
internal static class ElwFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool TryRender(FieldSpec f, RowContext ctx, out string text)
    {
        text = "";
        if (ctx.Instrument is not { Elw: { } terms } elw)
        {
            return false;
        }

        var underlying = ctx.Engine.Universe.ByCode[terms.UnderlyingCode].Last;
        var today = DateOnly.FromDateTime(ctx.NowKst);
        var greeks = ElwPricing.Evaluate(terms, underlying, today);
        var price = Math.Max(1, ctx.Last);
        var lastTradingDay = terms.Expiry.AddDays(-2);
        text = f.Name switch
        {
            "elwrght_cntn" => terms.IsCall
                ? "만기평가가격이 행사가격 초과인 경우, 1워런트당 (만기평가가격-행사가격)*전환비율"
                : "만기평가가격이 행사가격 미만인 경우, 1워런트당 (행사가격-만기평가가격)*전환비율",
            "elwrght_type" => terms.IsCall ? "CALL" : "PUT",
            "elwexpr_evlt_pric" => "최종거래일 종가",
            "elwexec_pric" => terms.Strike.ToString("0.00", Inv),
            "elwcnvt_rt" => terms.ConversionRatio.ToString("0.0000", Inv),
            "elwsrvive_dys" => Math.Max(0, terms.Expiry.DayNumber - today.DayNumber).ToString(Inv),
            "elwtheory_pric" => (greeks.Price * 100).ToString(Inv),
            "elwinnr_vltl" => ((long)Math.Round(greeks.Volatility * 10_000)).ToString(Inv),
            // ka30012 documents three decimals ("0.00" example); ka10050 sends it x100 without the point.
            "iv" when f.Example?.Contains('.') == true => (greeks.Volatility * 100).ToString("0.000", Inv),
            "iv" => ((long)Math.Round(greeks.Volatility * 10_000)).ToString(Inv),
            "delta" => Micro(greeks.Delta),
            "gam" => Micro(greeks.Gamma),
            "theta" => Micro(greeks.Theta),
            "vega" => Micro(greeks.Vega),
            "law" => Micro(greeks.Rho),
            "elwprty" => (underlying * 100m / terms.Strike).ToString("0.00", Inv),
            "elwgear" => (underlying * terms.ConversionRatio / price).ToString("0.00", Inv),
            "elwspread" => (elw.AskPrices[0] - elw.BidPrices[0]).ToString("0.00", Inv),
            "elwpl_qutr_rt" => FieldRenderer.FormatRate(f, BreakEvenRate(terms, underlying, price)),
            "dispty_rt" when ctx.Trade is null => FieldRenderer.FormatRate(f, greeks.Price == 0 ? 0 : Math.Round((price - greeks.Price) * 100m / greeks.Price, 2)),
            "elwflo_dt" => terms.Expiry.AddDays(-(180 + elw.Salt % 180)).ToString("yyyyMMdd", Inv),
            "elwfin_trde_dt" or "lpsuply_end_dt" => lastTradingDay.ToString("yyyyMMdd", Inv),
            "expr_dt" or "exec_dt" => terms.Expiry.ToString("yyyyMMdd", Inv),
            "elwpay_dt" => terms.Expiry.AddDays(2).ToString("yyyyMMdd", Inv),
            _ => "",
        };
        return text.Length > 0;
    }

    /// <summary>How far the underlying must move (%) for a holder at this price to break even at expiry.</summary>
    private static decimal BreakEvenRate(ElwTerms terms, long underlying, long price)
    {
        var perShare = price / terms.ConversionRatio;
        var breakEven = terms.IsCall ? terms.Strike + perShare : terms.Strike - perShare;
        return Math.Round((breakEven - underlying) * 100m / underlying, 2);
    }

    private static string Micro(double value) => ((long)Math.Round(value * 1_000_000)).ToString(Inv);
}
