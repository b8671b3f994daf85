namespace Dashboard.Kiwoom.RateLimiting;

/// <summary>
/// One request's place in its key's budget. Dispose it as soon as the answer (or the failure) is in:
/// the budget counts from then.
/// </summary>
public sealed class RateLease : IDisposable
{
    private RequestBucket? bucket;

    internal RateLease(RequestBucket bucket, TimeSpan waited)
    {
        this.bucket = bucket;
        Waited = waited;
    }

    /// <summary>How long the request waited for its place.</summary>
    public TimeSpan Waited { get; }

    public void Dispose() => Interlocked.Exchange(ref bucket, null)?.Return();
}
