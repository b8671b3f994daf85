using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Errors;

namespace Dashboard.Web.Connections;

/// <summary>
/// The resource key of the plain-words explanation for a broker error. What to advise comes from the broker
/// library's one table (<see cref="KiwoomErrors.Advise"/> over <see cref="KiwoomErrorCodes"/>: 8050/8010/8040/8103
/// IP not registered, 8030/8031 environment mismatch, 8001/8002/8020 wrong key, 1700-1702 rate limit); this only
/// picks the words the connection card shows.
/// </summary>
public static class KiwoomErrorAdviceText
{
    public static string ResourceKey(KiwoomError error) => KiwoomErrors.Advise(error) switch
    {
        KiwoomErrorAdvice.RegisterServerIp => "AdviceRegisterIp",
        KiwoomErrorAdvice.EnvironmentMismatch => "AdviceEnvironmentMismatch",
        KiwoomErrorAdvice.WrongKey => "AdviceWrongKey",
        KiwoomErrorAdvice.RateLimited => "AdviceRateLimited",
        // RetryLater also covers Kiwoom's own token-service failures (8003, 8006, 8009): only a lost answer is "cannot reach".
        KiwoomErrorAdvice.RetryLater when error.Kind == KiwoomErrorKind.Transport => "AdviceTransport",
        _ => "AdviceOther",
    };
}
