using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Members;

/// <summary>Random invitation tokens and the hash under which they are stored.</summary>
internal static class InvitationTokens
{
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
