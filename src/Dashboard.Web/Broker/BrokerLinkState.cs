namespace Dashboard.Web.Broker;

/// <summary>What the connection chip tells a member about their active broker connection.</summary>
public enum BrokerLinkState
{
    /// <summary>The member has no usable broker connection.</summary>
    NoConnection,

    /// <summary>The stored keys cannot be decrypted any more; the member must enter them again.</summary>
    NeedsReentry,

    Connecting,

    Connected,

    /// <summary>The socket dropped and is being re-established with backoff.</summary>
    Reconnecting,

    /// <summary>Kiwoom closed the session because the same app key logged in elsewhere (R10001).</summary>
    Replaced,

    /// <summary>Kiwoom refused the login or the token; the message says why.</summary>
    Failed,
}
