namespace Dashboard.Kiwoom.Rest;

/// <summary>One page of a continuation query and where the next one starts (null on the last page).</summary>
public sealed record KiwoomPage<TResponse>(TResponse Value, KiwoomContinuation? Next)
    where TResponse : KiwoomResponse;
