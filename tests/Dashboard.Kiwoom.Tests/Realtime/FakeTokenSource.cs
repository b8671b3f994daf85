namespace Dashboard.Kiwoom.Tests.Realtime;

/// <summary>Issues "token-1", "token-2" … and counts how often, and how often forced.</summary>
internal sealed class FakeTokenSource(TimeProvider time) : IKiwoomTokenSource
{
    private int _issued;
    private int _forced;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    public int Issued => Volatile.Read(ref _issued);

    public int Forced => Volatile.Read(ref _forced);

    public ValueTask<KiwoomResult<KiwoomToken>> GetTokenAsync(KiwoomCredential credential, bool forceRefresh = false, CancellationToken ct = default)
    {
        if (forceRefresh)
        {
            Interlocked.Increment(ref _forced);
        }

        var n = Interlocked.Increment(ref _issued);
        return ValueTask.FromResult(KiwoomResult<KiwoomToken>.Success(new KiwoomToken($"token-{n}", time.GetUtcNow() + Lifetime)));
    }
}
