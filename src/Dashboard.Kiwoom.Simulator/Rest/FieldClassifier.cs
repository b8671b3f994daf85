using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Reads the wire format of a response field from its catalog entry: what its description states
/// (<see cref="FieldDescription"/>, the one reading of the catalog's text, shared with the code generator)
/// and what its name says by convention. Results are cached.
/// </summary>
internal static partial class FieldClassifier
{
    private static readonly ConcurrentDictionary<CatalogField, FieldSpec> Cache = new(ReferenceEqualityComparer.Instance);

    public static FieldSpec For(CatalogField field) => Cache.GetOrAdd(field, Classify);

    private static FieldSpec Classify(CatalogField f)
    {
        var name = f.Name;
        var facts = FieldDescription.Read(f.Desc);
        var pad = facts.ZeroPadDigits;
        var decimals = facts.TwoDecimals || facts.IndexPoints ? 2 : 0;
        var timeFormat = facts.Clock == FieldClock.DateTime ? "yyyyMMddHHmmss" : facts.TimeHasColons ? "HH:mm:ss" : "HHmmss";
        var kind = facts.PercentSuffix ? ValueKind.Rate : KindOf(name, facts);
        if (kind == ValueKind.Index)
        {
            decimals = facts.IndexTimes100 ? 0 : 2;
        }

        var (side, level) = BookPosition(name, kind);
        var signed = facts.SaysSigned && pad == 0;
        return new FieldSpec(name, kind, facts.LeadingSign, signed && !facts.LeadingSign, pad, facts.UnitDivisor, decimals, facts.APrefix, facts.IndexTimes100, facts.Example, timeFormat)
        {
            BookSide = side,
            BookLevel = level,
            Ordinal = OrdinalRegex().Match(name) is { Success: true } o ? int.Parse(o.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            PercentSuffix = facts.PercentSuffix,
            RateTimes100 = kind == ValueKind.Rate && facts.RateTimes100,
            VersusAverage = facts.VersusAverage,
        };
    }

    private static (char Side, int Level) BookPosition(string name, ValueKind kind)
    {
        var m = kind switch
        {
            ValueKind.Price => BookLevelRegex().Match(name),
            ValueKind.Quantity when !name.Contains("lp", StringComparison.Ordinal) => BookQuantityRegex().Match(name),
            _ => Match.Empty,
        };
        if (!m.Success)
        {
            return ('\0', 0);
        }

        var sideText = m.Groups[1].Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[3].Value;
        var level = m.Groups[2].Success && m.Groups[2].Value.Length > 0 ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        return (sideText == "sel" ? 's' : 'b', Math.Clamp(level, 1, Market.Instrument.BookDepth) - 1);
    }

    // The description's facts decide first where they are plain; the field's name settles the rest (the catalog
    // names many fields by convention: *_qty, *_amt, *_pric).
    private static ValueKind KindOf(string name, FieldDescription facts)
    {
        // The bare "code"/"name" columns of the code-list TRs say in their description what they name.
        if (name is "code" or "name" && facts.MentionsBroker)
        {
            return name == "code" ? ValueKind.BrokerCode : ValueKind.BrokerName;
        }

        if (name is "code" or "name" && facts.MentionsSector)
        {
            return name == "code" ? ValueKind.SectorCode : ValueKind.SectorName;
        }

        if (name is "stk_cd" or "jmcode" or "code" or "stk_no" || facts.Subject == FieldSubject.StockCode)
        {
            return ValueKind.Code;
        }

        if (name is "stk_nm" or "name" or "jmname" || facts.Subject == FieldSubject.StockName)
        {
            return ValueKind.Name;
        }

        if (name is "rank" or "now_rank" || facts.Subject == FieldSubject.Rank)
        {
            return ValueKind.Rank;
        }

        if (name.Contains("inds_cd", StringComparison.Ordinal) || facts.Subject == FieldSubject.SectorCode)
        {
            return ValueKind.SectorCode;
        }

        if (name.Contains("inds_nm", StringComparison.Ordinal) || facts.Subject == FieldSubject.SectorName)
        {
            return ValueKind.SectorName;
        }

        if (name.Contains("thema_grp_cd", StringComparison.Ordinal))
        {
            return ValueKind.ThemeCode;
        }

        if (name.Contains("thema_nm", StringComparison.Ordinal))
        {
            return ValueKind.ThemeName;
        }

        // A letter class ("B"): the credit guarantee group of kt00012 and the like, not a number.
        if (facts.Example is { Length: 1 } grade && char.IsAsciiLetterUpper(grade[0]) && name.EndsWith("_rt", StringComparison.Ordinal))
        {
            return ValueKind.Grade;
        }

        if (name.Contains("mmcm_cd", StringComparison.Ordinal) || (facts.NamesBrokerCode && !facts.MentionsName))
        {
            return ValueKind.BrokerCode;
        }

        if (name.Contains("mmcm_nm", StringComparison.Ordinal) || facts.NamesBrokerName || (facts.MentionsBroker && name.EndsWith("_nm", StringComparison.Ordinal)))
        {
            return ValueKind.BrokerName;
        }

        if (name is "ord_no" or "orig_ord_no" or "base_orig_ord_no" || facts.Subject == FieldSubject.OrderNumber)
        {
            return ValueKind.OrderNumber;
        }

        if (name is "dmst_stex_tp" || facts.Subject == FieldSubject.DomesticExchange)
        {
            return ValueKind.Exchange;
        }

        // Named like a time even where the description says a date (ka10004 bid_req_base_tm: examples show HHmmss).
        if (name.EndsWith("_tm", StringComparison.Ordinal) && facts.Clock != FieldClock.DateTime)
        {
            return ValueKind.Time;
        }

        if (facts.Clock == FieldClock.DateTime)
        {
            return ValueKind.DateTime;
        }

        if (facts.Clock == FieldClock.Date || name is "dt" or "date" || name.EndsWith("_dt", StringComparison.Ordinal))
        {
            return ValueKind.Date;
        }

        if (facts.Clock == FieldClock.Time || name is "tm" or "cntr_tm" || name.EndsWith("_tm", StringComparison.Ordinal))
        {
            return ValueKind.Time;
        }

        if (facts.SaysSignCode || facts.ListsChangeSignCodes || name.EndsWith("_sig", StringComparison.Ordinal) || name.EndsWith("_sign", StringComparison.Ordinal))
        {
            return ValueKind.Sign;
        }

        if (facts.UnitIsIndex)
        {
            return ValueKind.Index;
        }

        if (facts.UnitIsPercent || facts.RateInPercent || name.EndsWith("_rt", StringComparison.Ordinal))
        {
            return ValueKind.Rate;
        }

        if (facts.LeadingSign && !name.Contains("pre", StringComparison.Ordinal) && !name.Contains("chg", StringComparison.Ordinal))
        {
            return ValueKind.Price;
        }

        if (name is "fav" || facts.Subject == FieldSubject.ParValue)
        {
            return ValueKind.Price;
        }

        if (name is "pred_pre" or "pre" or "chg" || facts.Subject == FieldSubject.Change)
        {
            return ValueKind.Change;
        }

        if (facts.CountsStocks || facts.Subject == FieldSubject.Count || name.EndsWith("_cnt", StringComparison.Ordinal))
        {
            return ValueKind.Count;
        }

        if (facts.UnitIsPlainShares || name.EndsWith("_qty", StringComparison.Ordinal) || name.EndsWith("_req", StringComparison.Ordinal))
        {
            return ValueKind.Quantity;
        }

        var priceLike = name.Contains("pric", StringComparison.Ordinal) || name.Contains("prc", StringComparison.Ordinal) || name.EndsWith("bid", StringComparison.Ordinal) || name.EndsWith("_uv", StringComparison.Ordinal) || name == "nav";
        if (priceLike && !name.Contains("prica", StringComparison.Ordinal) && !name.EndsWith("_dt", StringComparison.Ordinal))
        {
            return ValueKind.Price;
        }

        if (facts.MentionsWon || name.Contains("amt", StringComparison.Ordinal) || name.Contains("prica", StringComparison.Ordinal))
        {
            return facts.UnitIsPlainWon && priceLike ? ValueKind.Price : ValueKind.Amount;
        }

        if (facts.Example is { Length: > 0 } digits && digits.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.' or ' '))
        {
            return ValueKind.Amount;
        }

        return ValueKind.Text;
    }

    [GeneratedRegex("^(sel|buy)_?(?:fpr_bid|(\\d+)(?:th_pre_bid|th_bid|bid)|bid)$|^fpr_(sel|buy)_bid$")]
    private static partial Regex BookLevelRegex();

    [GeneratedRegex("^(sel|buy)_?(\\d+)?(?:th_pre_req|bid_req|th_req|_req|fpr_req)$")]
    private static partial Regex BookQuantityRegex();

    [GeneratedRegex("_(\\d+)$")]
    private static partial Regex OrdinalRegex();
}
