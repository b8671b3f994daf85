using System.Globalization;
using System.Text.Json;

namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// Reads only <c>return_code</c> and <c>return_msg</c> from a body, before and independently of the
/// typed decode, so errors are classified even when the rest of the body does not fit its record.
/// </summary>
internal static class Envelope
{
    /// <summary>False when the body is not a JSON object (an HTML WAF page, an empty 5xx).</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out int? returnCode, out string? returnMsg)
    {
        returnCode = null;
        returnMsg = null;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = reader.ValueTextEquals("return_code"u8);
                var isMsg = !isCode && reader.ValueTextEquals("return_msg"u8);
                reader.Read();
                if (isCode)
                {
                    returnCode = ReadCode(ref reader);
                }
                else if (isMsg && reader.TokenType == JsonTokenType.String)
                {
                    returnMsg = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Truncated or malformed JSON, or a string that is not valid UTF-8: the caller treats
            // the body as having no envelope.
            return false;
        }
    }

    private static int? ReadCode(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String
            && int.TryParse(reader.GetString()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        reader.Skip();
        return null;
    }
}
