using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Kiwoom;

/// <summary>Helpers that keep secrets out of logs, messages and the browser.</summary>
public static class Secrets
{
    /// <summary>Shows at most the last four characters: "••••3f9a".</summary>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(none)";
        }

        return secret.Length <= 8 ? "••••" : "••••" + secret[^4..];
    }

    /// <summary>Masks an account number except its last four digits: "******1234".</summary>
    public static string MaskAccount(string? account)
    {
        if (string.IsNullOrEmpty(account))
        {
            return "(none)";
        }

        return account.Length <= 4 ? new string('*', account.Length) : new string('*', account.Length - 4) + account[^4..];
    }

    /// <summary>A short SHA-256 fingerprint that identifies a key without revealing it.</summary>
    public static string Fingerprint(string secret)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), hash);
        return Convert.ToHexString(hash[..6]).ToLowerInvariant();
    }
}
