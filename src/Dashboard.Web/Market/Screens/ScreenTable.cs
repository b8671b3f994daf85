using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Web.Market.Screens;

/// <summary>
/// A list of a TR's answer with the roles the screens need read off its wire names: which columns hold
/// stock codes (links to the stock page; the first is the row's stock), its name, and the current price,
/// change and rate that live 0B trades replace.
/// </summary>
/// <param name="CodesAreStocks">False when the row's code is a sector or theme (a row click picks it instead of opening a stock).</param>
public sealed record ScreenTable(TrTable Table, IReadOnlyList<int> CodeColumns, int? NameColumn, int? PriceColumn, int? ChangeColumn, int? RateColumn, bool CodesAreStocks = true)
{
    /// <summary>The TR the list answers, for its column names in the reader's language; empty when unknown.</summary>
    public string ApiId { get; init; } = string.Empty;

    /// <summary>Headers for columns the catalog names for another list (ka20003 calls its sector codes 종목코드); by wire name.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The change-sign column (pre_sig, pred_pre_sig), which follows the live change like the price does.</summary>
    public int? SignColumn { get; init; }

    public IReadOnlyList<TrColumn> Columns => Table.Columns;

    public IReadOnlyList<IReadOnlyList<TrCell>> Rows => Table.Rows;

    /// <summary>The row's stock (its first code column), or null when the list is not about stocks (brokers, sectors).</summary>
    public string? CodeOf(IReadOnlyList<TrCell> row) =>
        CodeColumns.Count == 0 || row[CodeColumns[0]].Text is not { Length: > 0 } code ? null : code.Trim();

    /// <summary>Whether the column is one the phone layout keeps (name, code, price, rate); the others hide below the md breakpoint.</summary>
    public bool IsKey(int column) =>
        column == NameColumn || column == PriceColumn || column == RateColumn || (CodeColumns.Count > 0 && column == CodeColumns[0]);

    public static ScreenTable Of(TrTable table)
    {
        var names = table.Columns.Select(c => c.Name).ToList();
        var codes = Enumerable.Range(0, names.Count).Where(i => names[i] == "stk_cd" || names[i].EndsWith("_stk_cd", StringComparison.Ordinal)).ToList();
        var name = codes.Count == 0 ? null : IndexOf(names, names[codes[0]][..^"cd".Length] + "nm");
        return new ScreenTable(table, codes, name, IndexOf(names, "cur_prc"), IndexOf(names, "pred_pre"), IndexOf(names, "flu_rt")) { SignColumn = SignOf(names) };
    }

    /// <summary>A list keyed by something other than a stock (a sector code, a theme group): <paramref name="keyColumn"/> is the row's code.</summary>
    public static ScreenTable Keyed(TrTable table, string keyColumn, string nameColumn)
    {
        var names = table.Columns.Select(c => c.Name).ToList();
        int[] key = IndexOf(names, keyColumn) is { } k ? [k] : [];
        return new ScreenTable(table, key, IndexOf(names, nameColumn), IndexOf(names, "cur_prc"), IndexOf(names, "pred_pre"), IndexOf(names, "flu_rt"), CodesAreStocks: false) { SignColumn = SignOf(names) };
    }

    /// <summary>Appends the rows of a further page (continuation) under the same columns.</summary>
    public ScreenTable Append(ScreenTable more) =>
        this with { Table = Table with { Rows = [.. Table.Rows, .. more.Table.Rows] } };

    private static int? SignOf(List<string> names) => IndexOf(names, "pre_sig") ?? IndexOf(names, "pred_pre_sig");

    private static int? IndexOf(List<string> names, string name) => names.IndexOf(name) is var i and >= 0 ? i : null;
}
