using Dashboard.Kiwoom.Errors;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>The lines the CLI writes to standard error for warnings and broker errors.</summary>
internal static class Diagnostics
{
    public static void WriteWarnings(TextWriter stderr, IEnumerable<WireWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            stderr.WriteLine($"warning: {warning.ApiId} {warning.Field}: '{warning.Value}', expected {warning.Expected}.");
        }
    }

    public static void WriteError(TextWriter stderr, KiwoomError error, ApiKind kind = ApiKind.Query)
    {
        var status = error.HttpStatus is { } http ? $", HTTP {http}" : string.Empty;
        var detail = error.DetailCode is { } code ? $"/{code}" : string.Empty;
        stderr.WriteLine($"error: {error.Kind} (return_code {error.ReturnCode}{detail}{status}): {error.Message}");
        if (Hint(KiwoomErrors.Advise(error, kind)) is { } hint)
        {
            stderr.WriteLine($"hint: {hint}");
        }
    }

    private static string? Hint(KiwoomErrorAdvice advice) => advice switch
    {
        KiwoomErrorAdvice.CheckInput => "check the field values (kiwoom catalog show <api-id> lists them).",
        KiwoomErrorAdvice.ClientBug => "the request or the answer broke the protocol; please report it with --verbose output.",
        KiwoomErrorAdvice.WrongKey => "check the app key and secret key (--appkey/--secretkey or KIWOOM_APPKEY/KIWOOM_SECRETKEY).",
        KiwoomErrorAdvice.TokenExpired => "the token was refused even after re-issuing it once; try again.",
        KiwoomErrorAdvice.RegisterServerIp => "register this machine's public IP address for the app key on the Kiwoom portal.",
        KiwoomErrorAdvice.EnvironmentMismatch => "the key belongs to the other environment: check --env (mock or production).",
        KiwoomErrorAdvice.RateLimited => "too many requests; wait a moment and try again.",
        KiwoomErrorAdvice.NotSupportedInMock => "Kiwoom mock investing does not offer this API.",
        KiwoomErrorAdvice.NotSupportedForCorporate => "this API is not offered to corporate customers.",
        KiwoomErrorAdvice.MarketClosed => "the market is closed for this order.",
        KiwoomErrorAdvice.OrderRejected => "the broker rejected the order.",
        KiwoomErrorAdvice.RetryLater => "no usable answer; try again later.",
        KiwoomErrorAdvice.CheckOrderStatus => "the order may or may not have reached the exchange: check unfilled orders (ka10075) and executions (ka10076) before sending it again.",
        _ => null,
    };
}
