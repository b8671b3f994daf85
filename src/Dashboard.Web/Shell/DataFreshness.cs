namespace Dashboard.Web.Shell;

/// <summary>Decides when market data must stop being presented as live.</summary>
public static class DataFreshness
{
    /// <summary>Data older than this is marked stale.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromSeconds(5);

    public static bool IsStale(DateTimeOffset? receivedAt, DateTimeOffset now, TimeSpan staleAfter) =>
        receivedAt is null || now - receivedAt.Value > staleAfter;
}
