using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// The company figures of ka10001 and the ranking TRs that show PER: read from the listing's
/// <see cref="Fundamentals"/>, with the price ratios taken at the row's price so they agree with it.
/// </summary>
internal static class FundamentalFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool TryRender(FieldSpec f, RowContext ctx, out string text)
    {
        text = "";
        if (ctx.Instrument is not { } i)
        {
            return false;
        }

        if (i.Fundamentals is not { } fund)
        {
            // ETFs, ELWs and gold report no company figures: Kiwoom leaves the ratios empty and the amounts zero.
            return NoCompany(f.Name, out text);
        }

        var price = ctx.Last;
        switch (f.Name)
        {
            case "setl_mm":
                text = fund.SettlementMonth.ToString("D2", Inv);
                return true;
            case "per":
                text = fund.PerAt(price).ToString("0.00", Inv);
                return true;
            case "pbr":
                text = fund.PbrAt(price).ToString("0.00", Inv);
                return true;
            case "eps":
                text = fund.Eps.ToString(Inv);
                return true;
            case "bps":
                text = fund.Bps.ToString(Inv);
                return true;
            case "roe":
                text = fund.Roe.ToString("0.00", Inv);
                return true;
            case "ev":
                text = fund.EvEbitdaAt(price, i.ListedShares).ToString("0.00", Inv);
                return true;
            case "sale_amt":
                text = fund.SalesEok.ToString(Inv);
                return true;
            case "bus_pro":
                text = fund.OperatingProfitEok.ToString(Inv);
                return true;
            case "cup_nga":
                text = fund.NetIncomeEok.ToString(Inv);
                return true;
            case "dstr_stk":
                text = fund.FloatShares.ToString(Inv);
                return true;
            case "dstr_rt":
                text = (fund.FloatShares * 100m / i.ListedShares).ToString("0.0", Inv);
                return true;
            case "fav_unit":
                text = "원";
                return true;
            case "mac_wght":
                text = MarketWeight(i, ctx.Engine.Universe).ToString("0.00", Inv);
                return true;
            default:
                return false;
        }
    }

    private static bool NoCompany(string name, out string text)
    {
        text = name switch
        {
            "setl_mm" or "per" or "pbr" or "eps" or "bps" or "roe" or "ev" => "",
            "sale_amt" or "bus_pro" or "cup_nga" => "0",
            _ => null!,
        };
        return text is not null;
    }

    /// <summary>The listing's share of its market's capitalization, in percent.</summary>
    private static decimal MarketWeight(Instrument i, MarketUniverse universe)
    {
        decimal total = 0;
        foreach (var s in universe.Stocks)
        {
            if (s.Market == i.Market)
            {
                total += s.Last * (decimal)s.ListedShares;
            }
        }

        return total == 0 ? 0 : Math.Round(i.Last * (decimal)i.ListedShares * 100m / total, 2);
    }
}
