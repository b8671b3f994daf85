using Dashboard.Kiwoom;

namespace Dashboard.Web.Broker;

/// <summary>Errors the session boundary answers itself, before anything reaches the broker.</summary>
public static class BrokerRefusals
{
    /// <summary>Detail code of an order TR sent through a query path.</summary>
    public const string OrderPathCode = "ORDER-PATH";

    /// <summary>Detail code of a token TR sent through a query path.</summary>
    public const string TokenPathCode = "TOKEN-PATH";

    /// <summary>Detail code of a WebSocket-only TR (condition search) sent through a REST query path.</summary>
    public const string WebSocketPathCode = "WEBSOCKET-PATH";

    /// <summary>Detail code of a member whose connection carries an app key another member's session already uses.</summary>
    public const string KeyConflictCode = "KEY-CONFLICT";

    /// <summary>
    /// Why <paramref name="api"/> may not go through a query path, or null when it may: orders (and
    /// anything the registry marks as unsafe to send twice) have exactly one way in, the order service;
    /// tokens are the session's own business (an answer would carry one, a revoke would end the session);
    /// condition-search TRs are WebSocket messages, which the REST client rejects as a programming error.
    /// </summary>
    public static KiwoomError? ForQueryPath(KiwoomApiDescriptor api) =>
        api.Kind == ApiKind.Order || !api.RetrySafe
            ? new KiwoomError(KiwoomErrorKind.InvalidRequest, -1, OrderPathCode,
                $"{api.Id} is an order: orders are placed through the order ticket, which checks limits and records them in the audit.")
            : api.Kind == ApiKind.Auth
                ? new KiwoomError(KiwoomErrorKind.InvalidRequest, -1, TokenPathCode,
                    $"{api.Id} issues or revokes tokens: the session manages its own token.")
                : api.Kind == ApiKind.Realtime
                    ? new KiwoomError(KiwoomErrorKind.InvalidRequest, -1, WebSocketPathCode,
                        $"{api.Id} travels over the session's WebSocket (condition search), not as a REST query.")
                    : null;

    /// <summary>Two members may share an app key only when both stored the same secret: a session can trade as the key's owner.</summary>
    public static string KeyConflict =>
        "This app key is already connected for another member with a different secret key. Check the keys, or ask the key's owner.";
}
