using System.Text;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// A plain-text table whose columns line up in a terminal even with Korean text. Columns whose
/// every value is a number are right-aligned so digits line up.
/// </summary>
internal sealed class TextTable(IReadOnlyList<string> headers)
{
    private const string Gap = "  ";
    private readonly List<string[]> rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Count)
        {
            throw new ArgumentException($"A row has {cells.Length} cells for {headers.Count} columns.", nameof(cells));
        }

        rows.Add([.. cells.Select(Clean)]);
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = new int[headers.Count];
        var numeric = new bool[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            widths[c] = DisplayWidth.Of(headers[c]);
            numeric[c] = rows.Count > 0;
            foreach (var row in rows)
            {
                widths[c] = Math.Max(widths[c], DisplayWidth.Of(row[c]));
                numeric[c] &= row[c].Length == 0 || LooksNumeric(row[c]);
            }
        }

        WriteLine(writer, headers, widths, numeric);
        WriteLine(writer, [.. widths.Select(w => new string('-', w))], widths, numeric);
        foreach (var row in rows)
        {
            WriteLine(writer, row, widths, numeric);
        }
    }

    private static void WriteLine(TextWriter writer, IReadOnlyList<string> cells, int[] widths, bool[] numeric)
    {
        var line = new StringBuilder();
        for (var c = 0; c < cells.Count; c++)
        {
            if (c > 0)
            {
                line.Append(Gap);
            }

            // The last column is not padded on the left-aligned side: no trailing blanks.
            var last = c == cells.Count - 1;
            line.Append(last && !numeric[c] ? cells[c] : DisplayWidth.Pad(cells[c], widths[c], numeric[c]));
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }

    // Line breaks and tabs inside a value would tear the table apart.
    private static string Clean(string cell) =>
        cell.AsSpan().IndexOfAny('\n', '\r', '\t') < 0 ? cell : cell.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');

    private static bool LooksNumeric(string cell)
    {
        var digits = 0;
        foreach (var ch in cell)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits++;
            }
            else if (ch is not (',' or '.' or '+' or '-' or '%' or ' ' or '▲' or '▼'))
            {
                return false;
            }
        }

        return digits > 0;
    }
}
