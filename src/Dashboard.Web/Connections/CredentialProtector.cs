using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Web.Connections;

/// <summary>
/// Encrypts app keys and secrets with Data Protection under a purpose that includes the owner's id,
/// so one member's protector cannot read another member's ciphertext (SEC-15).
/// </summary>
public sealed class CredentialProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Dashboard.BrokerConnection.v1";

    public string Protect(string ownerId, string plaintext) => For(ownerId).Protect(plaintext);

    /// <summary>False when the ciphertext belongs to someone else or the key ring that made it is gone.</summary>
    public bool TryUnprotect(string ownerId, string ciphertext, out string plaintext)
    {
        try
        {
            plaintext = For(ownerId).Unprotect(ciphertext);
            return true;
        }
        catch (CryptographicException)
        {
            plaintext = string.Empty;
            return false;
        }
    }

    private IDataProtector For(string ownerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        return provider.CreateProtector(Purpose, ownerId);
    }
}
