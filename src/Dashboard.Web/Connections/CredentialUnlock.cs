using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>A stored connection opened for use: the credential, or why it cannot be used.</summary>
/// <param name="Verified">Whether the connection is already marked verified (so a live session need not mark it again).</param>
public sealed record CredentialUnlock(Guid ConnectionId, KiwoomCredential? Credential, bool NotFound, bool NeedsReentry, bool Verified = false)
{
    public static CredentialUnlock Missing(Guid id) => new(id, null, true, false);

    public static CredentialUnlock Reentry(Guid id) => new(id, null, false, true);
}
