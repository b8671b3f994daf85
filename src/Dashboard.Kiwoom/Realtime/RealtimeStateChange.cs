namespace Dashboard.Kiwoom.Realtime;

/// <summary>A connection state change as callers observe it.</summary>
/// <param name="Error">For Failed/Replaced the Kiwoom code and message; for Reconnecting why it dropped.</param>
/// <param name="RetryIn">For Reconnecting, the backoff before the next attempt.</param>
/// <param name="LastFrameAt">When the last message of any kind arrived, if one has.</param>
public sealed record RealtimeStateChange(
    RealtimeConnectionState State,
    KiwoomError? Error,
    TimeSpan? RetryIn,
    DateTimeOffset? LastFrameAt,
    DateTimeOffset At);
