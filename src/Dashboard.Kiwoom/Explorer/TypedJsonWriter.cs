using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Kiwoom.Wire;
using RealtimeDecimalPrice = Dashboard.Kiwoom.Realtime.SignedDecimalPrice;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// Writes decoded records as typed JSON: quantities and amounts as numbers with their sign, rates
/// as decimals, dates and times as ISO 8601, stock codes without the A prefix. The records' own
/// converters write the wire strings back (so a body round-trips); this writer shows the meaning.
/// A price whose sign is a direction (PROTOCOL.md 3.6) becomes <c>{"value": 20800, "direction": "Down"}</c>:
/// turning "-20800" into a negative number would be wrong, the price is 20,800 won.
/// A value that did not parse stays its raw string (and was reported as a warning); an absent or blank one is null.
/// </summary>
public static class TypedJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions CompactOptions = Options with { Indented = false };

    /// <summary>One record (or a list of records) as indented JSON.</summary>
    public static string Serialize(object value, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Options : CompactOptions))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteRecord(Utf8JsonWriter writer, object record)
    {
        writer.WriteStartObject();
        foreach (var property in WireProperty.Of(record.GetType()))
        {
            writer.WritePropertyName(property.Name);
            WriteValue(writer, property.ValueOf(record));
        }

        if (WireProperty.ExtraOf(record) is { } extra)
        {
            foreach (var (name, element) in extra)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        if (value is IWireValue { HasValue: false } missing)
        {
            if (missing.IsMalformed)
            {
                writer.WriteStringValue(missing.Raw);
            }
            else
            {
                writer.WriteNullValue();
            }

            return;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case SignedPrice price:
                WritePrice(writer, price.Value!.Value, price.Direction.ToString());
                break;
            case Amount amount:
                writer.WriteNumberValue(amount.Value!.Value);
                break;
            case Quantity quantity:
                writer.WriteNumberValue(quantity.Value!.Value);
                break;
            case SignedNumber signed:
                writer.WriteNumberValue(signed.Value!.Value);
                break;
            case Rate rate:
                writer.WriteNumberValue(rate.Value!.Value);
                break;
            case KDate date:
                writer.WriteStringValue(date.Value!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case KTime time:
                writer.WriteStringValue(time.Value!.Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
                break;
            case KDateTime dateTime:
                writer.WriteStringValue(dateTime.KoreaTime!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                break;
            case StockCode code:
                writer.WriteStringValue(code.CodeWithVenue);
                break;
            case ChangeSign sign:
                writer.WriteStringValue(sign.Value!.Value.ToString());
                break;
            case RealtimeDecimalPrice price:
                writer.WriteStartObject();
                writer.WriteNumber("value", price.Value);
                writer.WriteString("direction", price.Direction.ToString());
                writer.WriteEndObject();
                break;
            case ChangeSignCode sign:
                writer.WriteStringValue(sign.ToString());
                break;
            case TimeOnly time:
                writer.WriteStringValue(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IWireValue other:
                // A wire type this writer does not know yet: its raw text is still the truth.
                writer.WriteStringValue(other.Raw);
                break;
            case KiwoomResponse or KiwoomRow:
                WriteRecord(writer, value);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"No typed JSON form for {value.GetType()}.");
        }
    }

    private static void WritePrice(Utf8JsonWriter writer, long value, string direction)
    {
        writer.WriteStartObject();
        writer.WriteNumber("value", value);
        writer.WriteString("direction", direction);
        writer.WriteEndObject();
    }
}
