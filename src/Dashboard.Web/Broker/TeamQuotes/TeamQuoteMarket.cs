using Dashboard.Kiwoom;

namespace Dashboard.Web.Broker.TeamQuotes;

/// <summary>
/// What makes two sessions' quotes interchangeable: the same environment at the same address. The
/// simulator, Kiwoom's mock host and production quote different prices, so they never share.
/// </summary>
internal readonly record struct TeamQuoteMarket(KiwoomEnvironment Environment, string Address)
{
    public static TeamQuoteMarket Of(KiwoomCredential credential) => new(credential.Environment, credential.WebSocketUri.AbsoluteUri);
}
