using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Reads the wire format of a response field from its catalog entry. The catalog's descriptions are
/// regular ("Unit: KRW; signed number (leading + or - ...)", "left zero-padded to 12 digits",
/// "YYYYMMDD", "Example: \"...\""), so one classification serves all 188 TRs. Results are cached.
/// </summary>
internal static partial class FieldClassifier
{
    private static readonly ConcurrentDictionary<CatalogField, FieldSpec> Cache = new(ReferenceEqualityComparer.Instance);

    public static FieldSpec For(CatalogField field) => Cache.GetOrAdd(field, Classify);

    private static FieldSpec Classify(CatalogField f)
    {
        var name = f.Name;
        var desc = f.Desc;
        var lower = desc.ToLowerInvariant();
        var example = ExampleRegex().Match(desc) is { Success: true } m ? m.Groups[1].Value : null;
        var pad = PadRegex().Match(desc) is { Success: true } p ? int.Parse(p.Groups[1].Success ? p.Groups[1].Value : p.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var directionSigned = lower.Contains("leading + or -", StringComparison.Ordinal);
        var signed = lower.Contains("signed", StringComparison.Ordinal) && pad == 0;
        var divisor = lower.Contains("100 million krw", StringComparison.Ordinal) || lower.Contains("억원", StringComparison.Ordinal) ? 100_000_000L
            : lower.Contains("million krw", StringComparison.Ordinal) ? 1_000_000L
            : lower.Contains("thousand krw", StringComparison.Ordinal) || lower.Contains("thousand shares", StringComparison.Ordinal) ? 1_000L
            : 1L;
        var decimals = lower.Contains("2 decimal", StringComparison.Ordinal) ? 2 : lower.Contains("index points", StringComparison.Ordinal) ? 2 : 0;
        var aPrefix = (example?.StartsWith('A') == true && example.Length == 7) || lower.Contains("prefix a", StringComparison.Ordinal);
        var x100 = lower.Contains("x100 with the decimal point removed", StringComparison.Ordinal);
        var timeFormat = lower.Contains("yyyymmddhhmmss", StringComparison.Ordinal) ? "yyyyMMddHHmmss"
            : lower.Contains("hh:mm:ss", StringComparison.Ordinal) ? "HH:mm:ss" : "HHmmss";
        var kind = KindOf(name, lower, example);
        var percentSuffix = example is { Length: > 1 } && example[^1] == '%' && example[..^1].All(char.IsAsciiDigit);
        if (percentSuffix)
        {
            kind = ValueKind.Rate;
        }
        if (kind == ValueKind.Index)
        {
            decimals = x100 ? 0 : 2;
        }

        var (side, level) = BookPosition(name, kind);
        return new FieldSpec(name, kind, directionSigned, signed && !directionSigned, pad, divisor, decimals, aPrefix, x100, example, timeFormat)
        {
            BookSide = side,
            BookLevel = level,
            Ordinal = OrdinalRegex().Match(name) is { Success: true } o ? int.Parse(o.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            PercentSuffix = percentSuffix,
            RateTimes100 = kind == ValueKind.Rate && lower.Contains("x100 without decimal point", StringComparison.Ordinal),
            VersusAverage = lower.Contains("vs the estimated average price", StringComparison.Ordinal),
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

    private static ValueKind KindOf(string name, string desc, string? example)
    {
        // The bare "code"/"name" columns of the code-list TRs say in their description what they name.
        if (name is "code" or "name" && desc.Contains("broker", StringComparison.Ordinal))
        {
            return name == "code" ? ValueKind.BrokerCode : ValueKind.BrokerName;
        }

        if (name is "code" or "name" && desc.Contains("sector", StringComparison.Ordinal))
        {
            return name == "code" ? ValueKind.SectorCode : ValueKind.SectorName;
        }

        if (name is "stk_cd" or "jmcode" or "code" or "stk_no" || desc.StartsWith("stock code", StringComparison.Ordinal) || desc.StartsWith("stock number", StringComparison.Ordinal))
        {
            return ValueKind.Code;
        }

        if (name is "stk_nm" or "name" or "jmname" || desc.StartsWith("stock name", StringComparison.Ordinal))
        {
            return ValueKind.Name;
        }

        if (name is "rank" or "now_rank" || desc.StartsWith("rank", StringComparison.Ordinal))
        {
            return ValueKind.Rank;
        }

        if (name.Contains("inds_cd", StringComparison.Ordinal) || desc.StartsWith("sector code", StringComparison.Ordinal))
        {
            return ValueKind.SectorCode;
        }

        if (name.Contains("inds_nm", StringComparison.Ordinal) || desc.StartsWith("sector name", StringComparison.Ordinal))
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
        if (example is { Length: 1 } && char.IsAsciiLetterUpper(example[0]) && name.EndsWith("_rt", StringComparison.Ordinal))
        {
            return ValueKind.Grade;
        }

        if (name.Contains("mmcm_cd", StringComparison.Ordinal) || (BrokerCodeRegex().IsMatch(desc) && !desc.Contains("name", StringComparison.Ordinal)))
        {
            return ValueKind.BrokerCode;
        }

        if (name.Contains("mmcm_nm", StringComparison.Ordinal) || desc.StartsWith("member (broker) name", StringComparison.Ordinal) || (desc.Contains("broker", StringComparison.Ordinal) && name.EndsWith("_nm", StringComparison.Ordinal)) || BrokerNameRegex().IsMatch(desc))
        {
            return ValueKind.BrokerName;
        }

        if (name is "ord_no" or "orig_ord_no" or "base_orig_ord_no" || desc.StartsWith("order number", StringComparison.Ordinal))
        {
            return ValueKind.OrderNumber;
        }

        if (name is "dmst_stex_tp" || desc.StartsWith("domestic exchange type", StringComparison.Ordinal))
        {
            return ValueKind.Exchange;
        }

        // Named like a time even where the description says a date (ka10004 bid_req_base_tm: examples show HHmmss).
        if (name.EndsWith("_tm", StringComparison.Ordinal) && !desc.Contains("yyyymmddhhmmss", StringComparison.Ordinal))
        {
            return ValueKind.Time;
        }

        if (desc.Contains("yyyymmddhhmmss", StringComparison.Ordinal))
        {
            return ValueKind.DateTime;
        }

        if (desc.Contains("yyyymmdd", StringComparison.Ordinal) || name is "dt" or "date" || name.EndsWith("_dt", StringComparison.Ordinal))
        {
            return ValueKind.Date;
        }

        if (desc.Contains("hhmmss", StringComparison.Ordinal) || desc.Contains("hh:mm:ss", StringComparison.Ordinal) || name is "tm" or "cntr_tm" || name.EndsWith("_tm", StringComparison.Ordinal))
        {
            return ValueKind.Time;
        }

        if (desc.Contains("sign code", StringComparison.Ordinal) || desc.Contains("1: upper limit", StringComparison.Ordinal) || desc.Contains("1:upper limit", StringComparison.Ordinal) || name.EndsWith("_sig", StringComparison.Ordinal) || name.EndsWith("_sign", StringComparison.Ordinal))
        {
            return ValueKind.Sign;
        }

        if (desc.Contains("index points", StringComparison.Ordinal) || desc.Contains("unit: index", StringComparison.Ordinal))
        {
            return ValueKind.Index;
        }

        if (desc.Contains("unit: %", StringComparison.Ordinal) || desc.Contains("rate", StringComparison.Ordinal) && desc.Contains('%') || name.EndsWith("_rt", StringComparison.Ordinal))
        {
            return ValueKind.Rate;
        }

        if (desc.Contains("leading + or -", StringComparison.Ordinal) && !name.Contains("pre", StringComparison.Ordinal) && !name.Contains("chg", StringComparison.Ordinal))
        {
            return ValueKind.Price;
        }

        if (name is "fav" || desc.StartsWith("par value", StringComparison.Ordinal))
        {
            return ValueKind.Price;
        }

        if (name is "pred_pre" or "pre" or "chg" || desc.StartsWith("change vs", StringComparison.Ordinal) || desc.StartsWith("change.", StringComparison.Ordinal))
        {
            return ValueKind.Change;
        }

        if (desc.Contains("number of stocks", StringComparison.Ordinal) || desc.StartsWith("count", StringComparison.Ordinal) || name.EndsWith("_cnt", StringComparison.Ordinal))
        {
            return ValueKind.Count;
        }

        if (desc.Contains("unit: shares", StringComparison.Ordinal) || name.EndsWith("_qty", StringComparison.Ordinal) || name.EndsWith("_req", StringComparison.Ordinal))
        {
            return ValueKind.Quantity;
        }

        var priceLike = name.Contains("pric", StringComparison.Ordinal) || name.Contains("prc", StringComparison.Ordinal) || name.EndsWith("bid", StringComparison.Ordinal) || name.EndsWith("_uv", StringComparison.Ordinal) || name == "nav";
        if (priceLike && !name.Contains("prica", StringComparison.Ordinal) && !name.EndsWith("_dt", StringComparison.Ordinal))
        {
            return ValueKind.Price;
        }

        if (desc.Contains("krw", StringComparison.Ordinal) || name.Contains("amt", StringComparison.Ordinal) || name.Contains("prica", StringComparison.Ordinal))
        {
            return desc.Contains("unit: krw", StringComparison.Ordinal) && priceLike ? ValueKind.Price : ValueKind.Amount;
        }

        if (example is { Length: > 0 } && example.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '.' or ' '))
        {
            return ValueKind.Amount;
        }

        return ValueKind.Text;
    }

    [GeneratedRegex("^(sel|buy)_?(?:fpr_bid|(\\d+)(?:th_pre_bid|th_bid|bid)|bid)$|^fpr_(sel|buy)_bid$")]
    private static partial Regex BookLevelRegex();

    [GeneratedRegex("^(sel|buy)_?(\\d+)?(?:th_pre_req|bid_req|th_req|_req|fpr_req)$")]
    private static partial Regex BookQuantityRegex();

    [GeneratedRegex("broker (?:\\d+ )?code")]
    private static partial Regex BrokerCodeRegex();

    [GeneratedRegex("broker (?:\\d+ )?name")]
    private static partial Regex BrokerNameRegex();

    [GeneratedRegex("_(\\d+)$")]
    private static partial Regex OrdinalRegex();

    [GeneratedRegex("Example: \"([^\"]*)\"")]
    private static partial Regex ExampleRegex();

    [GeneratedRegex("zero-padded to (\\d+) digits|zero-padded signed (\\d+)-digit")]
    private static partial Regex PadRegex();
}
