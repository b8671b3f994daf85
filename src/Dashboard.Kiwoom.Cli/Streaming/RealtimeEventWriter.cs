using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Realtime;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;

namespace Dashboard.Kiwoom.Cli.Streaming;

/// <summary>
/// One line per realtime event: readable <c>fid=value</c> pairs, or one typed JSON object per line
/// (values typed like <c>kiwoom decode</c>'s). Times are Korea time, as the market runs on it.
/// </summary>
internal sealed class RealtimeEventWriter(TextWriter stdout, bool json, IReadOnlySet<int>? onlyFids)
{
    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, Dictionary<int, RealtimeFieldDefinition>> definitions = new(StringComparer.Ordinal);

    public void Write(RealtimeEvent e)
    {
        var fields = Fields(e).Where(f => onlyFids is null || onlyFids.Contains(f.Fid)).ToList();
        var at = e.ReceivedAt.ToOffset(KoreaOffset);
        if (json)
        {
            stdout.WriteLine(Json(e, at, fields));
            return;
        }

        var line = new StringBuilder();
        line.Append(at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ').Append(e.Type).Append(' ')
            .Append(e.Item.Length == 0 ? "-" : e.Item).Append(' ').Append(e.Name);
        foreach (var (fid, raw, value) in fields)
        {
            line.Append(' ').Append(fid.ToString(CultureInfo.InvariantCulture)).Append('=').Append(Text(raw, value));
        }

        stdout.WriteLine(line.ToString());
    }

    private static string Json(RealtimeEvent e, DateTimeOffset at, List<(int Fid, string Raw, object? Value)> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", e.Type);
            writer.WriteString("name", e.Name);
            writer.WriteString("item", e.Item);
            writer.WriteString("received_at", at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            writer.WriteStartObject("values");
            foreach (var (fid, raw, value) in fields)
            {
                writer.WritePropertyName(fid.ToString(CultureInfo.InvariantCulture));
                if (value is null && string.IsNullOrWhiteSpace(raw))
                {
                    writer.WriteNullValue();
                }
                else
                {
                    // A value that did not parse stays the string that came.
                    TypedJsonWriter.WriteValue(writer, value ?? raw);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Text(string raw, object? value)
    {
        var text = value switch
        {
            null => raw.Trim(),
            SignedPrice { Value: { } won } price => won.ToString("N0", CultureInfo.InvariantCulture) + Arrow(price.Direction),
            SignedDecimalPrice price => price.Value.ToString("#,0.00##", CultureInfo.InvariantCulture) + Arrow(price.Direction),
            long number => number.ToString("N0", CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? raw,
        };

        // Keeps each pair one word, so the line splits on spaces.
        return text.Length == 0 ? "\"\"" : text.Contains(' ') ? "\"" + text + "\"" : text;
    }

    private static string Arrow(PriceDirection direction) => direction switch
    {
        PriceDirection.Up => "▲",
        PriceDirection.Down => "▼",
        _ => string.Empty,
    };

    private IEnumerable<(int Fid, string Raw, object? Value)> Fields(RealtimeEvent e)
    {
        if (!definitions.TryGetValue(e.Type, out var byFid))
        {
            byFid = RealtimeFields.For(e.Type).ToDictionary(f => f.Fid);
            definitions[e.Type] = byFid;
        }

        for (var i = 0; i < e.Values.Count; i++)
        {
            var fid = e.Values.FidAt(i);
            var raw = Encoding.UTF8.GetString(e.Values.Utf8At(i));
            var value = byFid.TryGetValue(fid, out var definition) ? RealtimeFields.Read(e, definition)?.Value : null;
            yield return (fid, raw, value);
        }
    }
}
