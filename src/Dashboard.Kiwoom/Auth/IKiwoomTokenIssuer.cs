namespace Dashboard.Kiwoom.Auth;

/// <summary>The two OAuth calls: au10001 (issue) and au10002 (revoke).</summary>
public interface IKiwoomTokenIssuer
{
    /// <summary>au10001: a new access token for <paramref name="credential"/>.</summary>
    Task<KiwoomResult<KiwoomToken>> IssueAsync(KiwoomCredential credential, CancellationToken ct = default);

    /// <summary>au10002: invalidates <paramref name="token"/>; the value is true once the server confirmed.</summary>
    Task<KiwoomResult<bool>> RevokeAsync(KiwoomCredential credential, KiwoomToken token, CancellationToken ct = default);
}
