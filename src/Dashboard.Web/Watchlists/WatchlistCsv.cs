using System.Text;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;

namespace Dashboard.Web.Watchlists;

/// <summary>
/// The watchlist file format: RFC 4180 CSV with a <c>code,note</c> header. Import keeps every valid line and
/// names every other one by its line number; export writes what import reads back unchanged.
/// </summary>
public static class WatchlistCsv
{
    public const string Header = "code,note";
    public const int MaxLines = 1000;

    // Spreadsheets run a cell that starts with one of these as a formula; export defuses it with a quote mark.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@'];

    public static string Write(IEnumerable<WatchlistEntry> entries)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var entry in entries.OrderBy(e => e.Position))
        {
            text.Append(entry.Code);
            if (!string.IsNullOrEmpty(entry.Note))
            {
                text.Append(',').Append(Quote(Defuse(entry.Note)));
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }

    public static WatchlistCsvParse Parse(string text)
    {
        var rows = new List<WatchlistCsvRow>();
        var errors = new List<WatchlistCsvError>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var first = true;
        foreach (var record in Records(text.TrimStart('\uFEFF')))
        {
            if (record.Unclosed)
            {
                errors.Add(new WatchlistCsvError(record.Line, WatchlistCsvProblem.UnclosedQuote));
                break;
            }

            if (record.Line > MaxLines)
            {
                errors.Add(new WatchlistCsvError(record.Line, WatchlistCsvProblem.TooManyLines, MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            }

            var fields = record.Fields;
            var isHeader = first && fields[0].Trim().Equals("code", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (isHeader || fields.All(f => f.Trim().Length == 0))
            {
                continue;
            }

            var code = fields[0].Trim().ToUpperInvariant();
            var note = fields.Count > 1 ? Restore(fields[1].Trim()) : null;
            if (fields.Count > 2)
            {
                errors.Add(new WatchlistCsvError(record.Line, WatchlistCsvProblem.TooManyFields, code));
            }
            else if (!MarketDefaults.IsStockCode(code))
            {
                errors.Add(new WatchlistCsvError(record.Line, WatchlistCsvProblem.InvalidCode, fields[0].Trim()));
            }
            else if (note is { Length: > WatchlistItemConfiguration.NoteLength })
            {
                errors.Add(new WatchlistCsvError(record.Line, WatchlistCsvProblem.NoteTooLong, code));
            }
            else if (firstLineOf.TryGetValue(code, out var earlier))
            {
                errors.Add(new WatchlistCsvError(record.Line, WatchlistCsvProblem.DuplicateLine, earlier.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                firstLineOf[code] = record.Line;
                rows.Add(new WatchlistCsvRow(record.Line, code, string.IsNullOrEmpty(note) ? null : note));
            }
        }

        return new WatchlistCsvParse(rows, errors);
    }

    private static string Defuse(string note) => FormulaStarts.Contains(note[0]) ? "'" + note : note;

    private static string Restore(string note) => note.Length > 1 && note[0] == '\'' && FormulaStarts.Contains(note[1]) ? note[1..] : note;

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Records with the line each starts on; a quoted field may span lines.</summary>
    private static IEnumerable<CsvRecord> Records(string text)
    {
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var ended = false;
            while (position < text.Length && !ended)
            {
                var c = text[position++];
                if (quoted)
                {
                    if (c == '"' && position < text.Length && text[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.ToString().Trim().Length == 0)
                {
                    field.Clear();
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n')
                    {
                        position++;
                    }

                    line++;
                    ended = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return new CsvRecord(start, fields, quoted);
            if (quoted)
            {
                yield break;
            }
        }
    }

    private sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool Unclosed);
}
