using System.Globalization;
using System.Text.Json;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// A WebSocket message other than REAL and PING: the LOGIN/REG/REMOVE answers, SYSTEM notices and
/// the condition-search answers. Rare, so it is read with <see cref="JsonDocument"/>.
/// </summary>
/// <param name="ReturnCode">return_code as a number or numeric string; null when absent, -1 when unreadable.</param>
/// <param name="Data">The <c>data</c> member, or an undefined element.</param>
public sealed record RealtimeControlMessage(
    RealtimeMessageKind Kind,
    string Trnm,
    int? ReturnCode,
    string ReturnMessage,
    string? SystemCode,
    string? SystemMessage,
    string? Seq,
    string? ContinueYn,
    string? NextKey,
    JsonElement Data)
{
    /// <summary>Kiwoom reports success as a zero (or absent) return_code.</summary>
    public bool IsSuccess => ReturnCode is null or 0;

    /// <summary>
    /// The detailed code: "[CODE=8005, …]" (WebSocket form) or "[8005:…]" (REST form) inside
    /// return_msg, else the top-level return_code when it is itself a detailed code.
    /// </summary>
    public string? DetailCode => FindDetailCode(ReturnMessage) ?? (ReturnCode is >= 1000 ? ReturnCode.Value.ToString(CultureInfo.InvariantCulture) : null);

    /// <summary>Reads a message; false (with a reason) for anything that is not a JSON object with a string trnm.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out RealtimeControlMessage? message, out string? problem)
    {
        message = null;
        if (!System.Text.Unicode.Utf8.IsValid(frame))
        {
            problem = "The message is not valid UTF-8.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(frame.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("trnm", out var trnm) || trnm.ValueKind != JsonValueKind.String)
            {
                problem = "The message is not an object with a string trnm.";
                return false;
            }

            var name = trnm.GetString()!;
            message = new RealtimeControlMessage(
                ClassifyName(name),
                name,
                ReadReturnCode(root),
                Text(root, "return_msg") ?? "",
                Text(root, "code"),
                Text(root, "message"),
                Text(root, "seq"),
                Text(root, "cont_yn"),
                Text(root, "next_key"),
                root.TryGetProperty("data", out var data) ? data.Clone() : default);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // GetString throws InvalidOperationException for escapes that decode to lone surrogates.
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>The failure as a broker error (LOGIN, REG, condition search).</summary>
    public KiwoomError ToError()
    {
        var detail = DetailCode;
        var kind = detail switch
        {
            "8005" => KiwoomErrorKind.TokenExpired,
            "8030" or "8031" => KiwoomErrorKind.EnvironmentMismatch,
            not null when detail.StartsWith('8') => KiwoomErrorKind.Authentication,
            _ => ReturnCode == 3 ? KiwoomErrorKind.Authentication : KiwoomErrorKind.Server,
        };
        var text = ReturnMessage.Length > 0 ? ReturnMessage : $"{Trnm} failed with return_code {ReturnCode}.";
        return new KiwoomError(kind, ReturnCode ?? -1, detail, text);
    }

    internal static string? FindDetailCode(string message)
    {
        var at = message.IndexOf("[CODE=", StringComparison.Ordinal);
        if (at >= 0)
        {
            return Digits(message.AsSpan(at + 6));
        }

        at = message.IndexOf('[');
        return at >= 0 ? Digits(message.AsSpan(at + 1)) : null;
    }

    private static string? Digits(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            length++;
        }

        return length > 0 ? text[..length].ToString() : null;
    }

    private static RealtimeMessageKind ClassifyName(string trnm) => trnm switch
    {
        "REAL" => RealtimeMessageKind.Real,
        "PING" => RealtimeMessageKind.Ping,
        "LOGIN" => RealtimeMessageKind.Login,
        "SYSTEM" => RealtimeMessageKind.System,
        "REG" => RealtimeMessageKind.Register,
        "REMOVE" => RealtimeMessageKind.Remove,
        "CNSRLST" => RealtimeMessageKind.ConditionList,
        "CNSRREQ" => RealtimeMessageKind.ConditionSearch,
        "CNSRCLR" => RealtimeMessageKind.ConditionClear,
        _ => RealtimeMessageKind.Unknown,
    };

    private static int? ReadReturnCode(JsonElement root)
    {
        if (!root.TryGetProperty("return_code", out var code))
        {
            return null;
        }

        return code.ValueKind switch
        {
            JsonValueKind.Number when code.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(code.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var s) => s,
            _ => -1,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
