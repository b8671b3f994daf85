namespace Dashboard.Kiwoom.Realtime;

/// <summary>Where the realtime connection of one credential stands.</summary>
public enum RealtimeConnectionState
{
    /// <summary>Not started, or disposed.</summary>
    Disconnected,

    /// <summary>First connection attempt: socket, LOGIN, registrations.</summary>
    Connecting,

    /// <summary>Logged in; every registration has been sent.</summary>
    Connected,

    /// <summary>The connection dropped (or went silent) and is being re-established with backoff.</summary>
    Reconnecting,

    /// <summary>SYSTEM R10001: the app key logged in elsewhere. No reconnect until the owner asks.</summary>
    Replaced,

    /// <summary>LOGIN was refused (after one token re-issue for 8005/8031/8103) or the token cannot be had.</summary>
    Failed,
}
