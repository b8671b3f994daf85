using System.Globalization;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Web.Shell;

namespace Dashboard.Web.Market.Screens;

/// <summary>
/// How the screens read the columns whose catalog entry says too little or too much for their wire type to
/// show them right. ka40009's NAV columns come as bare text (the guide gives them no unit and empty examples),
/// so the change, rates, prices and counts beside its NAV are read here as the same values read in the ETF
/// page's other tables. A weight ("signed percentage" in the guide) is a share of a whole, not a move: it is
/// never red or blue and carries no plus sign.
/// </summary>
public static class ScreenReadings
{
    private enum Reading
    {
        /// <summary>A count or change: separators, red/blue only by an explicit sign ("+354.95").</summary>
        Number,

        /// <summary>A price whose sign is its direction: "53,225 ▲", plain when unsigned (as the NAV reads).</summary>
        Price,

        /// <summary>A change rate: "+0.67%", red up, blue down.</summary>
        Rate,

        /// <summary>A rate that is a size, not a move (tracking error): "+0.04%" as the ETF card writes it, uncoloured.</summary>
        SizeRate,

        /// <summary>A share of a whole: "12.34%", uncoloured.</summary>
        Share,

        /// <summary>A <see cref="Number"/> only where the wire type left bare text.</summary>
        BareNumber,
    }

    private static readonly Dictionary<(string Api, string Column), Reading> Columns = new()
    {
        [("ka40009", "navpred_pre")] = Reading.Number,
        [("ka40009", "navflu_rt")] = Reading.Rate,
        [("ka40009", "trace_eor_rt")] = Reading.SizeRate,
        [("ka40009", "dispty_rt")] = Reading.Rate,
        [("ka40009", "stkcnt")] = Reading.Number,
        [("ka40009", "base_pric")] = Reading.Price,
        [("ka40009", "for_rmnd_qty")] = Reading.Number,
        [("ka40009", "repl_pric")] = Reading.Price,
        [("ka40009", "conv_pric")] = Reading.Price,
        [("ka40009", "drstk")] = Reading.Number,
        [("ka40009", "wonju_pric")] = Reading.Price,
        [("ka40003", "trace_eor_rt")] = Reading.SizeRate,
        [("kt00018", "poss_rt")] = Reading.Share,
    };

    /// <summary>The answer with those columns (and single fields) re-read; an answer without any is returned as it is.</summary>
    public static TrAnswer Apply(TrAnswer answer)
    {
        IReadOnlyList<TrAnswerField> fields = answer.Fields.Any(f => ReadingOf(answer.ApiId, f.Field.Name) is not null)
            ? [.. answer.Fields.Select(f => ReadingOf(answer.ApiId, f.Field.Name) is { } r ? f with { Value = Read(r, f.Value) } : f)]
            : answer.Fields;
        var lists = answer.Lists.Select(list => Apply(answer.ApiId, list)).ToList();
        return fields == answer.Fields && lists.SequenceEqual(answer.Lists, ReferenceEqualityComparer.Instance)
            ? answer
            : answer with { Fields = fields, Lists = lists };
    }

    private static TrTable Apply(string apiId, TrTable table)
    {
        var readings = table.Columns.Select(c => ReadingOf(apiId, c.Name) ?? BareReadingOf(c.Name)).ToArray();
        if (readings.All(r => r is null))
        {
            return table;
        }

        return table with
        {
            Rows = [.. table.Rows.Select(row => (IReadOnlyList<TrCell>)[.. row.Select((cell, i) => i < readings.Length && readings[i] is { } r ? Read(r, cell) : cell)])],
        };
    }

    private static Reading? ReadingOf(string apiId, string column) =>
        column == "wght" || column.EndsWith("_wght", StringComparison.Ordinal) ? Reading.Share
        : Columns.TryGetValue((apiId, column), out var reading) ? reading
        : null;

    /// <summary>
    /// Volumes and amounts the catalog leaves as bare text (ka10030's session volumes "19033"): separators, as the typed
    /// ones beside them read. Only bare text is touched; a value its wire type already wrote stays as it is.
    /// </summary>
    private static Reading? BareReadingOf(string column) =>
        column.EndsWith("_qty", StringComparison.Ordinal) || column.EndsWith("_amt", StringComparison.Ordinal) || column.EndsWith("_prica", StringComparison.Ordinal)
            ? Reading.BareNumber
            : null;

    private static TrCell Read(Reading reading, TrCell cell)
    {
        if (cell.IsMalformed || cell.Text.Length == 0 || (reading == Reading.BareNumber && cell.IsNumeric))
        {
            return cell;
        }

        return reading switch
        {
            Reading.Number or Reading.BareNumber => TrCell.SignedText(cell.Text, isDirection: false, hundredths: false),
            Reading.Price => TrCell.SignedText(cell.Text, isDirection: true, hundredths: false),
            _ => Percentage(reading, cell),
        };
    }

    private static TrCell Percentage(Reading reading, TrCell cell)
    {
        var text = cell.Text.Trim().TrimEnd('%');
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return cell;
        }

        return reading switch
        {
            Reading.Rate => new TrCell(Percent.Signed(value), value > 0 ? TrCellTone.Up : value < 0 ? TrCellTone.Down : TrCellTone.None, true, false),
            Reading.SizeRate => new TrCell(Percent.Signed(value), TrCellTone.None, true, false),

            // The share keeps the decimals it came with (some weights have one, some two).
            _ => new TrCell(text.TrimStart('+') + "%", TrCellTone.None, true, false),
        };
    }
}
