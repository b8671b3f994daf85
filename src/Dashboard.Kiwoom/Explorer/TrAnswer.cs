using System.Collections;
using System.Globalization;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// Decoded answers of one TR as tables, UI-neutral: the single fields (the envelope first, then the TR's
/// fields in catalog order, then any the catalog does not list), one <see cref="TrTable"/> per LIST field
/// with the rows of every page, and the warnings for values that did not fit their type.
/// </summary>
public sealed record TrAnswer(
    string ApiId,
    int Pages,
    IReadOnlyList<TrAnswerField> Fields,
    IReadOnlyList<TrTable> Lists,
    IReadOnlyList<WireWarning> Warnings)
{
    /// <summary>Tables of <paramref name="pages"/> (at least one, all of the TR <paramref name="tr"/>).</summary>
    public static TrAnswer From(CatalogTr tr, IReadOnlyList<KiwoomResponse> pages, IReadOnlyList<WireWarning>? warnings = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(pages.Count);
        var properties = WireProperty.Of(pages[0].GetType());
        var catalog = tr.Response.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Single fields repeat on every page; the last page's are the freshest.
        var fields = properties.Where(p => !p.IsList)
            .Select(p => new TrAnswerField(new TrColumn(p.Name, Label(catalog.GetValueOrDefault(p.Name)), true), Shown(p.Name, ReadingOf(catalog.GetValueOrDefault(p.Name)), p.ValueOf(pages[^1]))))
            .Concat(pages.SelectMany(p => WireProperty.ExtraOf(p) ?? []).DistinctBy(e => e.Key)
                .Select(e => new TrAnswerField(new TrColumn(e.Key, string.Empty, false), TrCell.Of(e.Value))))
            .ToList();

        var lists = properties.Where(p => p.IsList)
            .Select(list => Table(list, catalog.GetValueOrDefault(list.Name), pages))
            .ToList();
        return new TrAnswer(tr.Id, pages.Count, fields, lists, warnings ?? []);
    }

    /// <summary>Decodes raw bodies (one per page) and builds the tables; a body that does not decode is an error, warnings are kept.</summary>
    public static KiwoomResult<TrAnswer> Decode(CatalogTr tr, IEnumerable<ReadOnlyMemory<byte>> bodies)
    {
        var warnings = new List<WireWarning>();
        var pages = new List<KiwoomResponse>();
        foreach (var body in bodies)
        {
            var decoded = KiwoomJson.Decode(body.Span, tr.Id, warnings);
            if (!decoded.IsSuccess)
            {
                return decoded.Error;
            }

            pages.Add(decoded.Value);
        }

        return pages.Count == 0
            ? new KiwoomError(KiwoomErrorKind.Protocol, -1, null, $"{tr.Id}: no answer to show.")
            : KiwoomResult<TrAnswer>.Success(From(tr, pages, warnings));
    }

    private static TrTable Table(WireProperty list, CatalogField? field, IReadOnlyList<KiwoomResponse> pages)
    {
        var rows = pages.SelectMany(page => ((IEnumerable?)list.ValueOf(page))?.Cast<object>() ?? []).ToList();
        var byName = (field?.Fields ?? []).GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var names = byName.ToDictionary(e => e.Key, e => Label(e.Value), StringComparer.Ordinal);
        var columns = rows.Count == 0 ? [] : WireProperty.Of(rows[0].GetType());
        var readings = columns.Select(c => ReadingOf(byName.GetValueOrDefault(c.Name))).ToArray();
        var extra = rows.SelectMany(r => WireProperty.ExtraOf(r)?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
        var header = columns.Select(c => new TrColumn(c.Name, names.GetValueOrDefault(c.Name, string.Empty), true))
            .Concat(extra.Select(name => new TrColumn(name, string.Empty, false)))
            .ToList();
        var cells = rows.Select(row =>
        {
            var rowExtra = WireProperty.ExtraOf(row);
            return (IReadOnlyList<TrCell>)[
                .. columns.Select((c, i) => Shown(c.Name, readings[i], c.ValueOf(row))),
                .. extra.Select(name => rowExtra is not null && rowExtra.TryGetValue(name, out var value) ? TrCell.Of(value) : TrCell.Empty),
            ];
        }).ToList();
        return new TrTable(list.Name, Label(field), header, cells);
    }

    private static FieldDescription? ReadingOf(CatalogField? field) => field is null ? null : FieldDescription.Read(field.Desc);

    /// <summary>
    /// The value as its catalog description says it reads, beyond its wire type: ×100 with the decimal point removed
    /// (tracking errors, implied volatilities, ka10051's index); for signed values left as text (index points, ETF
    /// NAVs), their sign: a direction when the description says "leading + or -", arithmetic otherwise; a weight as a
    /// share of a whole and a tracking error as a size (<see cref="Percentage"/>). The CLI's tables, the explorer and
    /// the market screens all read answers through here, so a correction made in the catalog (overlay.json's errata)
    /// shows the same everywhere.
    /// </summary>
    private static TrCell Shown(string name, FieldDescription? reading, object? value)
    {
        var hundredths = reading is { IndexTimes100: true } or { RateTimes100: true };
        var cell = value is string text && reading is { SaysSigned: true, ZeroPadded: false } ? TrCell.SignedText(text, reading.LeadingSign, hundredths)
            : hundredths ? TrCell.Of(value).Hundredths()
            : value is string bare && IsQuantityOrAmountByName(name) ? TrCell.SignedText(bare, isDirection: false, hundredths: false)
            : TrCell.Of(value);
        return reading is { IsWeight: true } or { IsMagnitude: true } ? Percentage(reading, cell) : cell;
    }

    /// <summary>
    /// The guide names its volumes and amounts by convention (*_qty, *_amt, *_prica), and many of them it leaves without
    /// a unit, so their wire type stays text (ka10030's session volumes "19033"). Such text, when it is a number, is
    /// written with separators like the typed volumes beside it (the simulator reads the same names the same way).
    /// </summary>
    private static bool IsQuantityOrAmountByName(string name) =>
        name.EndsWith("_qty", StringComparison.Ordinal) || name.EndsWith("_amt", StringComparison.Ordinal) || name.EndsWith("_prica", StringComparison.Ordinal);

    /// <summary>
    /// A weight ("+31.25" or the rate "+31.25%") as the share it is: "31.25%" with the decimals it came with, uncoloured.
    /// A size such as a tracking error: "+0.04%" as the ETF card writes it (two decimals), uncoloured. A value that is
    /// not a percentage number is returned as it is.
    /// </summary>
    private static TrCell Percentage(FieldDescription reading, TrCell cell)
    {
        var text = cell.Text.Trim().TrimEnd('%');
        if (cell.IsMalformed || text.Length == 0
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return cell;
        }

        return reading.IsWeight
            ? new TrCell(text.TrimStart('+') + "%", TrCellTone.None, true, false)
            : new TrCell(value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%", TrCellTone.None, true, false);
    }

    /// <summary>
    /// The catalog's Korean name as a header. The guide marks the repeated rows of some lists by appending "n" to
    /// the Korean name ("현재가n" for cur_prc_n); the wire name keeps its "_n", the header does not need it.
    /// </summary>
    public static string Label(CatalogField? field) =>
        field is null ? string.Empty
        : field.Name.EndsWith("_n", StringComparison.Ordinal) && field.Ko.Length > 1 && field.Ko.EndsWith('n') ? field.Ko[..^1]
        : field.Ko;
}
