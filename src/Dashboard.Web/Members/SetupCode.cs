using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Members;

/// <summary>
/// The one-time code that the very first registration must enter, so that on a server reachable from the
/// internet the first stranger to open the page cannot make themselves Admin. It is shown once, in the
/// server's console at start while no account exists; only its SHA-256 is kept (in memory), and it is
/// forgotten when the administrator account has been created. A restart on an empty database issues a new one.
/// </summary>
public sealed class SetupCode
{
    // Crockford's base32 without look-alikes (no I, L, O, U): easy to read off a console and type.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    private readonly Lock gate = new();
    private byte[]? hash;

    /// <summary>True while a code is outstanding (no account exists yet).</summary>
    public bool IsOutstanding
    {
        get
        {
            lock (gate)
            {
                return hash is not null;
            }
        }
    }

    /// <summary>Creates a new code, keeps only its hash and returns it for the one console line.</summary>
    internal string Issue()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var code = new string(chars);
        lock (gate)
        {
            hash = Hash(code);
        }

        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>Compares in constant time; spaces, dashes and case do not matter.</summary>
    public bool Matches(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return false;
        }

        var attempt = Hash(Normalize(candidate));
        lock (gate)
        {
            return hash is not null && CryptographicOperations.FixedTimeEquals(hash, attempt);
        }
    }

    /// <summary>The administrator exists: the code can never be used again.</summary>
    internal void Retire()
    {
        lock (gate)
        {
            hash = null;
        }
    }

    private static string Normalize(string candidate) =>
        new(candidate.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
}
