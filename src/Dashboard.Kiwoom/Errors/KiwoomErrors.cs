using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Errors;

/// <summary>
/// Builds typed <see cref="KiwoomError"/> values from what the server sent: HTTP status,
/// <c>return_code</c> and the detailed code embedded in <c>return_msg</c> (PROTOCOL.md 3.4 and 5).
/// </summary>
public static partial class KiwoomErrors
{
    /// <summary>
    /// The detailed code inside a message, or null. Understands every embedding seen live:
    /// <c>…[8005:Token이 유효하지 않습니다]</c>, <c>[2000](RC4058:모의투자 장종료)</c>,
    /// <c>[CODE=8005, MESSAGE=…]</c> (WebSocket LOGIN) and the bare <c>[1634]</c>.
    /// </summary>
    public static string? ExtractDetailCode(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        // The order form comes first: "[2000]" is only the category, the code that explains the
        // rejection sits in the parenthesis after it.
        foreach (var pattern in Patterns)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return match.Groups["code"].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The error an answer carries, or null when it is a success (HTTP 2xx and <c>return_code</c> 0).
    /// <paramref name="returnCode"/> is null when the body had no envelope (an HTML WAF page, an empty 5xx).
    /// </summary>
    public static KiwoomError? FromResponse(int httpStatus, int? returnCode, string? returnMsg)
    {
        var success = httpStatus is >= 200 and < 300;
        if (success && returnCode == 0)
        {
            return null;
        }

        var detail = ExtractDetailCode(returnMsg);

        // Kiwoom's own client also sees the detailed code as the top-level return_code (8005, 8031, 8103).
        if (detail is null && returnCode is >= 1000)
        {
            detail = returnCode.Value.ToString(CultureInfo.InvariantCulture);
        }

        var kind = KindOf(httpStatus, returnCode, detail);
        var message = string.IsNullOrWhiteSpace(returnMsg) ? DescribeWithoutMessage(httpStatus, returnCode, detail) : returnMsg.Trim();
        return new KiwoomError(kind, returnCode ?? -1, detail, message, httpStatus);
    }

    /// <summary>An envelope without HTTP (a WebSocket answer such as LOGIN); null when <paramref name="returnCode"/> is 0.</summary>
    public static KiwoomError? FromEnvelope(int returnCode, string? returnMsg)
    {
        var error = FromResponse(200, returnCode, returnMsg);
        return error is null ? null : error with { HttpStatus = null };
    }

    /// <summary>A failure with no answer at all: connection refused, reset, timeout.</summary>
    public static KiwoomError Transport(string message) => new(KiwoomErrorKind.Transport, -1, null, message);

    /// <summary>
    /// What the member can do about <paramref name="error"/>. <paramref name="kind"/> tells an order
    /// apart: a lost answer to an order needs checking, a lost answer to a query only a retry.
    /// </summary>
    public static KiwoomErrorAdvice Advise(KiwoomError error, ApiKind kind = ApiKind.Query)
    {
        if (kind == ApiKind.Order && error.IsOutcomeUnknown)
        {
            return KiwoomErrorAdvice.CheckOrderStatus;
        }

        var known = KiwoomErrorCodes.Find(error.DetailCode);
        if (known is not null)
        {
            return known.Advice;
        }

        return error.Kind switch
        {
            KiwoomErrorKind.InvalidRequest => KiwoomErrorAdvice.CheckInput,
            KiwoomErrorKind.Protocol or KiwoomErrorKind.Decode => KiwoomErrorAdvice.ClientBug,
            KiwoomErrorKind.TokenExpired => KiwoomErrorAdvice.TokenExpired,
            KiwoomErrorKind.RateLimited => KiwoomErrorAdvice.RateLimited,
            KiwoomErrorKind.EnvironmentMismatch => KiwoomErrorAdvice.EnvironmentMismatch,
            // An authentication refusal the table does not list: the key is the first thing to check.
            KiwoomErrorKind.Authentication => KiwoomErrorAdvice.WrongKey,
            KiwoomErrorKind.Rejected => KiwoomErrorAdvice.OrderRejected,
            KiwoomErrorKind.Transport => KiwoomErrorAdvice.RetryLater,
            _ => error.HttpStatus is >= 500 ? KiwoomErrorAdvice.RetryLater : KiwoomErrorAdvice.None,
        };
    }

    private static KiwoomErrorKind KindOf(int httpStatus, int? returnCode, string? detail)
    {
        var known = KiwoomErrorCodes.Find(detail);
        if (known is not null)
        {
            return known.Kind;
        }

        if (httpStatus == 429)
        {
            return KiwoomErrorKind.RateLimited;
        }

        if (httpStatus == 401)
        {
            return KiwoomErrorKind.TokenExpired;
        }

        if (httpStatus >= 500)
        {
            return KiwoomErrorKind.Transport;
        }

        if (returnCode is null)
        {
            // No envelope: a 2xx means the body was not JSON, a 4xx is typically the WAF's HTML page.
            return httpStatus is >= 200 and < 300 ? KiwoomErrorKind.Decode : KiwoomErrorKind.Protocol;
        }

        return returnCode.Value switch
        {
            2 => KiwoomErrorKind.InvalidRequest,
            3 => KiwoomErrorKind.Authentication,
            5 => KiwoomErrorKind.RateLimited,
            20 => KiwoomErrorKind.Rejected,
            _ => KiwoomErrorKind.Server,
        };
    }

    private static string DescribeWithoutMessage(int httpStatus, int? returnCode, string? detail)
    {
        var known = KiwoomErrorCodes.Find(detail);
        if (known is not null)
        {
            return known.Meaning;
        }

        return returnCode is null
            ? $"HTTP {httpStatus} without a Kiwoom envelope"
            : $"return_code {returnCode} without a message (HTTP {httpStatus})";
    }

    private static readonly Regex[] Patterns = [OrderForm(), WebSocketForm(), RestForm(), BareForm()];

    [GeneratedRegex(@"\[\d+\]\s*\((?<code>[A-Za-z0-9]+)\s*:")]
    private static partial Regex OrderForm();

    [GeneratedRegex(@"\[\s*CODE\s*=\s*(?<code>[A-Za-z0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex WebSocketForm();

    [GeneratedRegex(@"\[(?<code>[A-Za-z0-9]+)\s*:")]
    private static partial Regex RestForm();

    [GeneratedRegex(@"\[(?<code>\d+)\]")]
    private static partial Regex BareForm();
}
