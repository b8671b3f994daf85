using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>A stored connection opened for use: the credential, or why it cannot be used.</summary>
public sealed record CredentialUnlock(Guid ConnectionId, KiwoomCredential? Credential, bool NotFound, bool NeedsReentry)
{
    public static CredentialUnlock Missing(Guid id) => new(id, null, true, false);

    public static CredentialUnlock Reentry(Guid id) => new(id, null, false, true);
}
