namespace Dashboard.Kiwoom;

/// <summary>
/// Hands out a valid access token per credential (issued with au10001, refreshed ahead of expiry,
/// single-flight). The REST send path and the realtime client's LOGIN both draw from it.
/// </summary>
public interface IKiwoomTokenSource
{
    /// <summary>
    /// A token to use now. With <paramref name="forceRefresh"/> the cached token is discarded first
    /// (after an 8005 answer); implementations keep that from becoming a tight loop.
    /// </summary>
    ValueTask<KiwoomResult<KiwoomToken>> GetTokenAsync(KiwoomCredential credential, bool forceRefresh = false, CancellationToken ct = default);
}

/// <summary>An access token and its expiry (Kiwoom sends <c>expires_dt</c> in Korea time).</summary>
public sealed record KiwoomToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Never prints the token itself.</summary>
    public override string ToString() => $"KiwoomToken {{ Value = {Secrets.Mask(Value)}, ExpiresAt = {ExpiresAt:O} }}";
}
