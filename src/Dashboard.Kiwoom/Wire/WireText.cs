using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dashboard.Kiwoom.Wire;

/// <summary>Token reading and the number grammar shared by every wire value (PROTOCOL.md 3.6).</summary>
internal static class WireText
{
    /// <summary>The text of the current token; null for JSON null. Advances past objects and arrays.</summary>
    public static string? ReadAny(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    /// <summary>
    /// Parses "[spaces][+|-]digits[spaces]" with any number of leading zeros. <paramref name="sign"/>
    /// is '+', '-' or '\0' when no sign was sent.
    /// </summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, out long magnitude, out char sign)
    {
        magnitude = 0;
        sign = '\0';
        text = text.Trim(' ');
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            sign = text[0];
            text = text[1..];
        }

        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
    }

    /// <summary>Parses a signed integer with its true arithmetic sign.</summary>
    public static bool TryParseSigned(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (!TryParseInteger(text, out var magnitude, out var sign))
        {
            return false;
        }

        value = sign == '-' ? -magnitude : magnitude;
        return true;
    }

    /// <summary>True when the text is empty or only spaces: the field carries no value, which is not an error.</summary>
    public static bool IsBlank(string? raw) => string.IsNullOrWhiteSpace(raw);

    /// <summary>True when every character is an ASCII digit and there is at least one.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the text is one or more '0' (the wire's "no date"/"no time").</summary>
    public static bool IsAllZeros(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept('0');
}
