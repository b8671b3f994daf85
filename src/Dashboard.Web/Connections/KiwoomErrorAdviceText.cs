using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>
/// Turns a broker error into the resource key of a plain-words explanation with what to do
/// (PROTOCOL.md error codes: 8050/8010 IP not registered, 8030/8031 environment mismatch, 8001/8002 wrong key).
/// </summary>
public static class KiwoomErrorAdvice
{
    public static string ResourceKey(KiwoomError error) => error.DetailCode switch
    {
        "8050" or "8010" or "8040" or "8103" => "AdviceRegisterIp",
        "8030" or "8031" => "AdviceEnvironmentMismatch",
        "8001" or "8002" => "AdviceWrongKey",
        "1700" or "1701" or "1702" => "AdviceRateLimited",
        _ => error.Kind switch
        {
            KiwoomErrorKind.EnvironmentMismatch => "AdviceEnvironmentMismatch",
            KiwoomErrorKind.Authentication => "AdviceWrongKey",
            KiwoomErrorKind.RateLimited => "AdviceRateLimited",
            KiwoomErrorKind.Transport => "AdviceTransport",
            _ => "AdviceOther",
        },
    };
}
