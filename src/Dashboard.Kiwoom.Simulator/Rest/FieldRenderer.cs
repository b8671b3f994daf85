using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Renders a field's value for a row in Kiwoom's wire format. Market-backed fields (prices, changes,
/// rates, volumes, book, flows, names, codes, dates) come from the live model so the same stock shows the
/// same price in every TR at the same moment; fields the model has no notion of get stable plausible values.
/// </summary>
internal static partial class FieldRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(FieldSpec f, RowContext ctx)
    {
        if (ctx.Overrides is { } o && o.TryGetValue(f.Name, out var overridden))
        {
            return overridden;
        }

        if (FundamentalFields.TryRender(f, ctx, out var fundamental))
        {
            return fundamental;
        }

        if (ElwFields.TryRender(f, ctx, out var elwField))
        {
            return elwField;
        }

        if (EtfFields.TryRender(f, ctx, out var etfField))
        {
            return etfField;
        }

        if (ExpectedValue(f, ctx) is { } expected)
        {
            return expected;
        }

        // A sector row's weight (ka20003) is its share of its market, blank for the indices that are not a part of it.
        if (f.Name == "wght" && ctx.Instrument is null && ctx.Sector is { } weighed)
        {
            return ctx.Engine.Universe.SectorWeight(weighed) is { } weight ? FormatRate(f, weight) : "";
        }

        // An ELW's underlying (ka30012 aset_cd, bsis_aset_1) is its model underlying, so a client can follow it.
        if (f.Name is "aset_cd" or "bsis_aset_1" && ctx.Instrument?.Elw is { } underlyingTerms)
        {
            return underlyingTerms.UnderlyingCode;
        }

        var i = ctx.Instrument;
        switch (f.Kind)
        {
            case ValueKind.Code:
                if (i is null)
                {
                    return ctx.Sector?.Code ?? "";
                }

                return f.APrefix ? (i.Kind == InstrumentKind.Elw ? "J" : "A") + i.Code : i.Code;
            case ValueKind.Name:
                return i?.Name ?? ctx.Sector?.Name ?? ctx.Theme?.Name ?? ctx.Broker?.Name ?? "";
            case ValueKind.Rank:
                return Number(f, ctx.Rank);
            case ValueKind.SectorCode:
                return ctx.Sector?.Code ?? (i is null ? "001" : i.SectorCode);
            case ValueKind.SectorName:
                return ctx.Sector?.Name ?? ctx.Engine.Universe.SectorByCode.GetValueOrDefault(i?.SectorCode ?? "001")?.Name ?? "종합(KOSPI)";
            case ValueKind.ThemeCode:
                return ctx.Theme?.Code ?? ctx.Engine.Universe.Themes[0].Code;
            case ValueKind.ThemeName:
                return ctx.Theme?.Name ?? ctx.Engine.Universe.Themes[0].Name;
            case ValueKind.BrokerCode:
                return (ctx.Broker ?? ctx.BrokerAt(f)).Code;
            case ValueKind.BrokerName:
                return (ctx.Broker ?? ctx.BrokerAt(f)).Name;
            case ValueKind.Grade:
                return i is null ? f.Example ?? "" : i.CreditGroup.ToString();
            case ValueKind.OrderNumber:
                // Outside the order and account TRs (which override it) there is no order: Kiwoom's "none" value.
                return "0000000";
            case ValueKind.Exchange:
                return f.Example is { Length: > 0 } ex && ex != "KRX" ? ex : "KRX";
            case ValueKind.Date:
                return DateValue(f, ctx);
            case ValueKind.Time:
                return TimeValue(ctx).ToString(f.TimeFormat, Inv);
            case ValueKind.DateTime:
                return TimeValue(ctx).ToString("yyyyMMddHHmmss", Inv);
            case ValueKind.Sign:
                return SignOf(ctx).ToString();
            case ValueKind.Price:
                return PriceValue(f, ctx);
            case ValueKind.Change:
                return Signed(f, ctx.Last - (f.VersusAverage && i is not null && ctx.Bar is null ? i.AveragePrice : ctx.Reference));
            case ValueKind.Rate:
                return RateValue(f, ctx);
            case ValueKind.Index:
                return IndexValue(f, ctx);
            case ValueKind.Quantity:
                return Number(f, QuantityValue(f, ctx) / Math.Max(1, f.Divisor == 1_000_000 || f.Divisor == 100_000_000 ? 1 : f.Divisor));
            case ValueKind.Amount:
                return Number(f, AmountValue(f, ctx) / f.Divisor);
            case ValueKind.Count:
                return Number(f, CountValue(f, ctx));
            default:
                return PlainText(f.Example);
        }
    }

    /// <summary>
    /// A documented example as display text: the guide's examples write a line break as the two characters "\n"
    /// followed by indentation, which a screen would show literally; the sentence reads as one line.
    /// </summary>
    public static string PlainText(string? example) =>
        example is null ? "" : EscapedBreak().Replace(example, " ");

    [System.Text.RegularExpressions.GeneratedRegex(@"\\[nrt]\s*")]
    private static partial System.Text.RegularExpressions.Regex EscapedBreak();

    /// <summary>The expected execution fields of a stock quote: a value in an auction, zero in the continuous session.</summary>
    private static string? ExpectedValue(FieldSpec f, RowContext ctx)
    {
        if (ctx.Instrument is not { Kind: not InstrumentKind.Gold } i || ctx.Bar is not null || ctx.Trade is not null
            || f.Name is not ("exp_cntr_pric" or "exp_cntr_qty" or "exp_sel_pri_bid" or "exp_buy_pri_bid"))
        {
            return null;
        }

        var session = ctx.Engine.Session;
        var (price, quantity) = Auction.Expected(i, session);
        if (f.Name == "exp_cntr_qty")
        {
            return Number(f, quantity);
        }

        if (f.Name != "exp_cntr_pric" && Auction.IsOn(i, session))
        {
            price = f.Name == "exp_sel_pri_bid" ? i.AskPrices[0] : i.BidPrices[0];
        }

        return price == 0 ? "0" : f.DirectionSigned || f.ArithmeticSigned ? Direction(price, i.BasePrice) + price.ToString(Inv) : price.ToString(Inv);
    }

    public static char SignOf(RowContext ctx)
    {
        if (ctx.Instrument is { } i && ctx.Bar is null)
        {
            return i.SignFor(ctx.Last);
        }

        var last = ctx.Last;
        var reference = ctx.Reference;
        return last > reference ? '2' : last < reference ? '5' : '3';
    }

    private static string PriceValue(FieldSpec f, RowContext ctx)
    {
        var i = ctx.Instrument;
        var n = f.Name;
        long price;
        if (ctx.Bar is { } bar)
        {
            price = n.Contains("open", StringComparison.Ordinal) ? bar.Open
                : n.Contains("high", StringComparison.Ordinal) || n.Contains("hgst", StringComparison.Ordinal) ? bar.High
                : n.Contains("low", StringComparison.Ordinal) || n.Contains("lwst", StringComparison.Ordinal) ? bar.Low
                : n.Contains("pred_close", StringComparison.Ordinal) || n.Contains("base", StringComparison.Ordinal) ? ctx.BarReference
                : bar.Close;
        }
        else if (i is null)
        {
            // A sector row (ka10051) prices its index in hundredths of a point, as Kiwoom's example shows ("+265381").
            price = ctx.Sector is not null ? ctx.Last : 0;
        }
        else if (f.BookSide != '\0')
        {
            price = f.BookSide == 's' ? i.AskPrices[f.BookLevel] : i.BidPrices[f.BookLevel];
        }
        else
        {
            price = n switch
            {
                _ when n.Contains("open", StringComparison.Ordinal) => i.Open,
                _ when n.Contains("upl", StringComparison.Ordinal) || n.Contains("upper", StringComparison.Ordinal) => i.UpperLimit,
                _ when n == "lst_pric" || n.Contains("lwlmt", StringComparison.Ordinal) => i.LowerLimit,
                _ when RangeOf(n, ctx) is { } range && n.Contains("hgst", StringComparison.Ordinal) => range.High,
                _ when RangeOf(n, ctx) is { } range && n.Contains("lwst", StringComparison.Ordinal) => range.Low,
                _ when n.Contains("250hgst", StringComparison.Ordinal) || n.Contains("52wk_hgst", StringComparison.Ordinal) || n.Contains("oyr_hgst", StringComparison.Ordinal) || n.Contains("all_hgst", StringComparison.Ordinal) => Math.Max(i.High, TickSize.RoundDown(i.Kind, i.BasePrice * (110 + ctx.Stable(n) % 40) / 100)),
                _ when n.Contains("250lwst", StringComparison.Ordinal) || n.Contains("52wk_lwst", StringComparison.Ordinal) || n.Contains("oyr_lwst", StringComparison.Ordinal) || n.Contains("all_lwst", StringComparison.Ordinal) => Math.Min(i.Low, TickSize.RoundDown(i.Kind, i.BasePrice * (60 + ctx.Stable(n) % 35) / 100)),
                _ when n.Contains("high", StringComparison.Ordinal) || n.Contains("hgst", StringComparison.Ordinal) => i.High,
                _ when n.Contains("low", StringComparison.Ordinal) || n.Contains("lwst", StringComparison.Ordinal) => i.Low,
                _ when n.Contains("pred_close", StringComparison.Ordinal) || n.Contains("base_pric", StringComparison.Ordinal) => i.BasePrice,
                _ when n.Contains("avg", StringComparison.Ordinal) => i.AveragePrice,
                _ when n == "nav" => (long)ctx.Engine.EtfNav(i),
                _ when n.Contains("theory", StringComparison.Ordinal) && i.Elw is { } terms => ElwPricing.Evaluate(terms, ctx.Engine.Universe.ByCode[terms.UnderlyingCode].Last, DateOnly.FromDateTime(ctx.NowKst)).Price,
                _ when n.Contains("repl", StringComparison.Ordinal) => TickSize.RoundDown(i.Kind, i.BasePrice * 7 / 10),
                _ when n.Contains("par", StringComparison.Ordinal) || n == "fav" => i.ParValue,
                _ => ctx.Last,
            };
        }

        if (f.PadWidth > 0)
        {
            return Pad(price, f.PadWidth);
        }

        // "Signed number" on a price is Kiwoom's direction sign against the previous close ("+4900"), never arithmetic.
        return f.DirectionSigned || f.ArithmeticSigned ? Direction(price, ctx.Reference) + price.ToString(Inv) : price.ToString(Inv);
    }

    private static string RateValue(FieldSpec f, RowContext ctx)
    {
        var i = ctx.Instrument;
        var n = f.Name;
        decimal rate;
        if (f.VersusAverage && i is not null && ctx.Bar is null)
        {
            var average = i.AveragePrice;
            rate = average == 0 ? 0 : Math.Round((ctx.Last - average) * 100m / average, 2);
        }
        else if ((n.Contains("hgst", StringComparison.Ordinal) || n.Contains("lwst", StringComparison.Ordinal)) && RangeOf(n, ctx) is { } range)
        {
            // How far the price sits from the period's high (negative) or low (positive).
            var extreme = n.Contains("hgst", StringComparison.Ordinal) ? range.High : range.Low;
            rate = extreme == 0 ? 0 : Math.Round((ctx.Last - extreme) * 100m / extreme, 2);
        }
        else if (i is not null && n.Contains("assr", StringComparison.Ordinal))
        {
            rate = i.CreditGuaranteePercent;
        }
        else if (i is not null && n.Contains("profa", StringComparison.Ordinal))
        {
            rate = i.MarginRatePercent;
        }
        else if (n.Contains("flu", StringComparison.Ordinal) || n is "pre_rt" or "pred_rt" or "tdy_close_pric_flu_rt" || n.EndsWith("pre_rt", StringComparison.Ordinal) && !n.Contains("hgst", StringComparison.Ordinal) && !n.Contains("lwst", StringComparison.Ordinal))
        {
            var reference = ctx.Reference;
            rate = reference == 0 ? 0 : Math.Round((ctx.Last - reference) * 100m / reference, 2);
        }
        else if (i is not null && (n.Contains("for_", StringComparison.Ordinal) || n.Contains("frgn", StringComparison.Ordinal) || n.Contains("exh", StringComparison.Ordinal)))
        {
            rate = i.ForeignOwnershipBp / 100m;
        }
        else if (i is not null && n.Contains("tern", StringComparison.Ordinal))
        {
            rate = i.ListedShares == 0 ? 0 : Math.Round(i.Volume * 100m / i.ListedShares, 2);
        }
        else if (i is not null && n.Contains("cntr_str", StringComparison.Ordinal))
        {
            rate = i.SellVolume == 0 ? 100m : Math.Round(i.BuyVolume * 100m / i.SellVolume, 2);
        }
        else
        {
            rate = ctx.Stable(n) % 3_000 / 100m;
        }

        return FormatRate(f, rate);
    }

    private static string IndexValue(FieldSpec f, RowContext ctx)
    {
        var sector = ctx.Sector ?? ctx.Engine.Universe.SectorByCode["001"];
        var n = f.Name;
        if (n.StartsWith("pred_pre", StringComparison.Ordinal) || n is "pre" or "chg")
        {
            var current = ctx.Bar is { } b ? b.Close / 100m : sector.Level;
            var reference = ctx.Bar is not null ? ctx.BarReference / 100m : sector.BaseLevel;
            var change = current - reference;
            // ka10051's change ×100 carries its sign like the guide's "+9030"; the chart TRs' unsigned fields stay bare.
            return f.IndexTimes100
                ? ((long)Math.Round(change * 100)).ToString(f.ArithmeticSigned || f.DirectionSigned ? "+0;-0;0" : "0;-0;0", Inv)
                : change.ToString("+0.00;-0.00;0.00", Inv);
        }

        var level = ctx.Bar is { } bar
            ? (n.Contains("open", StringComparison.Ordinal) ? bar.Open : n.Contains("high", StringComparison.Ordinal) ? bar.High : n.Contains("low", StringComparison.Ordinal) ? bar.Low : bar.Close) / 100m
            : n.Contains("open", StringComparison.Ordinal) ? sector.OpenLevel
            : n.Contains("high", StringComparison.Ordinal) || n.Contains("hgst", StringComparison.Ordinal) ? sector.HighLevel
            : n.Contains("low", StringComparison.Ordinal) || n.Contains("lwst", StringComparison.Ordinal) ? sector.LowLevel
            : sector.Level;
        // The sign is the direction against the reference the row's change is measured from (a candle's previous close);
        // ka10051 signs its ×100 index the same way ("+265381").
        var text = f.IndexTimes100 ? ((long)Math.Round(level * 100)).ToString(Inv) : level.ToString("0.00", Inv);
        var levelReference = ctx.Bar is not null ? ctx.BarReference / 100m : sector.BaseLevel;
        return f.DirectionSigned || f.ArithmeticSigned ? (level > levelReference ? "+" : level < levelReference ? "-" : "") + text : text;
    }

    private static long QuantityValue(FieldSpec f, RowContext ctx)
    {
        var i = ctx.Instrument;
        var n = f.Name;
        if (ctx.Bar is { } bar && (n.Contains("trde_qty", StringComparison.Ordinal) || n.Contains("acc", StringComparison.Ordinal)))
        {
            return bar.Volume;
        }

        if (ctx.Trade is { } trade)
        {
            return n.Contains("acc", StringComparison.Ordinal) ? trade.CumulativeVolume : Math.Abs(trade.Quantity);
        }

        if (i is not null && f.Ordinal > 0 && f.BookSide == '\0' && (n.StartsWith("sel", StringComparison.Ordinal) || n.StartsWith("buy", StringComparison.Ordinal)))
        {
            return BrokerQuantity(f, i);
        }

        if (i is null)
        {
            return 1_000 + ctx.Stable(n) % 1_000_000;
        }

        if (f.BookSide != '\0')
        {
            return f.BookSide == 's' ? i.AskQuantities[f.BookLevel] : i.BidQuantities[f.BookLevel];
        }

        return n switch
        {
            _ when n.Contains("tot_sel_req", StringComparison.Ordinal) || n == "sel_bid_tot_req" => i.AskQuantities.Sum(),
            _ when n.Contains("tot_buy_req", StringComparison.Ordinal) || n == "buy_bid_tot_req" => i.BidQuantities.Sum(),
            _ when n.Contains("pred_trde_qty", StringComparison.Ordinal) => i.PreviousVolume,
            _ when n.Contains("trde_qty", StringComparison.Ordinal) || n.Contains("acc", StringComparison.Ordinal) => i.Volume,
            _ when n.Contains("cntr_qty", StringComparison.Ordinal) || n.Contains("now", StringComparison.Ordinal) => Math.Abs(i.LastTradeQuantity),
            _ when n.Contains("shrts", StringComparison.Ordinal) => i.ShortSellVolume,
            _ when n.Contains("for", StringComparison.Ordinal) || n.Contains("frgn", StringComparison.Ordinal) => i.ForeignNet,
            _ when n.Contains("orgn", StringComparison.Ordinal) => i.InstitutionNet,
            _ when n.Contains("ind", StringComparison.Ordinal) => i.IndividualNet,
            _ when n.Contains("prm", StringComparison.Ordinal) && n.Contains("buy", StringComparison.Ordinal) => i.ProgramBuyQuantity,
            _ when n.Contains("prm", StringComparison.Ordinal) && n.Contains("sel", StringComparison.Ordinal) => i.ProgramSellQuantity,
            _ when n.Contains("buy", StringComparison.Ordinal) => i.BuyVolume,
            _ when n.Contains("sel", StringComparison.Ordinal) || n.Contains("sell", StringComparison.Ordinal) => i.SellVolume,
            _ when n.Contains("rmnd", StringComparison.Ordinal) || n.Contains("remn", StringComparison.Ordinal) || n.Contains("bal", StringComparison.Ordinal) => i.LendingBalance,
            _ when n.Contains("flo_stk", StringComparison.Ordinal) || n.Contains("lst_stkcnt", StringComparison.Ordinal) => i.ListedShares / Math.Max(1, f.Divisor),
            _ => 100 + ctx.Stable(n) % Math.Max(1_000, i.Volume + 1),
        };
    }

    /// <summary>
    /// The N-th largest seller or buyer among the brokers: 25%, 20%, 15% … of that side's volume, the change a
    /// slice of it; sellers are negative where the field is signed, as on the live tape.
    /// </summary>
    private static long BrokerQuantity(FieldSpec f, Instrument i)
    {
        var sell = f.Name.StartsWith("sel", StringComparison.Ordinal);
        var share = (sell ? i.SellVolume : i.BuyVolume) * (6 - Math.Min(f.Ordinal, 5)) / 20;
        var value = f.Name.Contains("irds", StringComparison.Ordinal) ? share / (2 + f.Ordinal) : share;
        return sell && f.ArithmeticSigned ? -value : value;
    }

    private static long AmountValue(FieldSpec f, RowContext ctx)
    {
        var i = ctx.Instrument;
        var n = f.Name;
        if (ctx.Bar is { } bar && n.Contains("prica", StringComparison.Ordinal))
        {
            return bar.Value;
        }

        if (i is null)
        {
            return (1_000L + ctx.Stable(n) % 100_000) * 1_000_000;
        }

        return n switch
        {
            "mac" or "mrkt_tot_amt" => i.Last * i.ListedShares,
            "cap" => i.ParValue * i.ListedShares,
            _ when n.Contains("trde_prica", StringComparison.Ordinal) || n.Contains("acc_trde_prica", StringComparison.Ordinal) => i.TradeValue,
            _ when n.Contains("prm", StringComparison.Ordinal) && n.Contains("buy", StringComparison.Ordinal) => i.ProgramBuyValue,
            _ when n.Contains("prm", StringComparison.Ordinal) && n.Contains("sel", StringComparison.Ordinal) => i.ProgramSellValue,
            _ when n.Contains("for", StringComparison.Ordinal) => i.ForeignNet * i.Last,
            _ when n.Contains("orgn", StringComparison.Ordinal) => i.InstitutionNet * i.Last,
            _ when n.Contains("ind", StringComparison.Ordinal) => i.IndividualNet * i.Last,
            _ => (1_000L + ctx.Stable(n) % 100_000) * Math.Max(1_000, i.Last),
        };
    }

    private static long CountValue(FieldSpec f, RowContext ctx)
    {
        if (ctx.Sector is { } sector)
        {
            var n = f.Name;
            return n switch
            {
                _ when n.Contains("upl", StringComparison.Ordinal) => sector.Members.Count(m => m.Last >= m.UpperLimit),
                _ when n.Contains("lst", StringComparison.Ordinal) || n.Contains("lwl", StringComparison.Ordinal) => sector.Members.Count(m => m.Last <= m.LowerLimit),
                _ when n.Contains("rising", StringComparison.Ordinal) || n.StartsWith("up", StringComparison.Ordinal) => sector.Members.Count(m => m.Last > m.BasePrice),
                _ when n.Contains("fall", StringComparison.Ordinal) || n.StartsWith("down", StringComparison.Ordinal) => sector.Members.Count(m => m.Last < m.BasePrice),
                _ when n.Contains("stdns", StringComparison.Ordinal) || n.Contains("flat", StringComparison.Ordinal) => sector.Members.Count(m => m.Last == m.BasePrice),
                _ => sector.Members.Count,
            };
        }

        return ctx.Stable(f.Name) % 500;
    }

    private static string DateValue(FieldSpec f, RowContext ctx)
    {
        var n = f.Name;
        if (f.Example == "" && (n.Contains("loan", StringComparison.Ordinal) || n.Contains("crd", StringComparison.Ordinal)))
        {
            return "";
        }

        if (ctx.Instrument?.Elw is { } terms && n.Contains("expr", StringComparison.Ordinal))
        {
            return terms.Expiry.ToString("yyyyMMdd", Inv);
        }

        if (n.Contains("lst_dt", StringComparison.Ordinal) || n.Contains("listing", StringComparison.Ordinal))
        {
            return DateOnly.FromDateTime(ctx.NowKst).AddDays(-(365 + ctx.Stable(n) % 9_000)).ToString("yyyyMMdd", Inv);
        }

        if (RangeOf(n, ctx) is { } range)
        {
            return (n.Contains("hgst", StringComparison.Ordinal) ? range.HighDate : range.LowDate).ToString("yyyyMMdd", Inv);
        }

        if (n.Contains("hgst", StringComparison.Ordinal) || n.Contains("lwst", StringComparison.Ordinal))
        {
            return DateOnly.FromDateTime(ctx.NowKst).AddDays(-(1 + ctx.Stable(n) % 250)).ToString("yyyyMMdd", Inv);
        }

        var date = ctx.Bar?.Time ?? (ctx.Trade is { } t ? KoreaTime.WallClock(t.Time) : ctx.NowKst);
        return date.ToString("yyyyMMdd", Inv);
    }

    /// <summary>
    /// The daily range a high/low field reports, from the price history the charts show: 250 days (52 weeks is
    /// the same run of sessions), the calendar year, or all of it; null without history or for a candle row.
    /// </summary>
    private static PriceRange? RangeOf(string n, RowContext ctx)
    {
        if (ctx.History is not { } history || ctx.Instrument is not { } i || ctx.Bar is not null)
        {
            return null;
        }

        return n switch
        {
            _ when n.Contains("250", StringComparison.Ordinal) || n.Contains("52wk", StringComparison.Ordinal) => history.Range(i, 250),
            _ when n.Contains("oyr", StringComparison.Ordinal) => history.YearToDate(i),
            _ when n.Contains("all_", StringComparison.Ordinal) => history.Range(i, PriceHistory.DaysOfHistory + 1),
            _ => null,
        };
    }

    private static DateTime TimeValue(RowContext ctx) =>
        ctx.Trade is { } t ? KoreaTime.WallClock(t.Time) : ctx.Bar?.Time ?? ctx.NowKst;

    private static string Signed(FieldSpec f, long value)
    {
        if (f.PadWidth > 0)
        {
            return Pad(value, f.PadWidth);
        }

        return value > 0 ? "+" + value.ToString(Inv) : value.ToString(Inv);
    }

    /// <summary>Formats a model number the way the field's spec says (padding, sign, unit divisor).</summary>
    public static string FormatNumber(FieldSpec f, long value)
    {
        var scaled = f.Kind is ValueKind.Amount && f.Divisor > 1 ? value / f.Divisor : value;
        if (f.Kind is ValueKind.Price or ValueKind.Change && f.PadWidth == 0 && (f.DirectionSigned || f.ArithmeticSigned))
        {
            return scaled > 0 ? "+" + scaled.ToString(Inv) : scaled.ToString(Inv);
        }

        return Number(f, scaled);
    }

    public static string FormatRate(FieldSpec f, decimal rate)
    {
        if (f.PercentSuffix)
        {
            return Math.Round(rate).ToString("0", Inv) + "%";
        }

        if (f.RateTimes100)
        {
            return Number(f, (long)Math.Round(rate * 100));
        }

        if (f.PadWidth > 0)
        {
            return Pad((long)(rate * 100), f.PadWidth);
        }

        var text = Math.Abs(rate).ToString("0.00", Inv);
        return (rate < 0 ? "-" : f.DirectionSigned || f.ArithmeticSigned ? (rate > 0 ? "+" : "") : "") + text;
    }

    private static string Number(FieldSpec f, long value)
    {
        if (f.PadWidth > 0)
        {
            return Pad(value, f.PadWidth);
        }

        return f.ArithmeticSigned && value > 0 ? "+" + value.ToString(Inv) : value.ToString(Inv);
    }

    /// <summary>Kiwoom's "signed number, left zero-padded to N digits": the sign takes the first position.</summary>
    public static string Pad(long value, int width) =>
        value < 0 ? "-" + (-value).ToString(Inv).PadLeft(width - 1, '0') : value.ToString(Inv).PadLeft(width, '0');

    public static string Direction(long price, long reference) => price > reference ? "+" : price < reference ? "-" : "";
}
