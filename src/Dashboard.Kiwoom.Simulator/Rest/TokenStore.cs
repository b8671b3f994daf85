using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Issues, validates and revokes tokens. One live token per app key: issuing again hands back the same
/// token while it is valid (one of the two behaviours observed live, PROTOCOL.md 2.3).
/// </summary>
public sealed class TokenStore(IOptions<SimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _byKey = new(StringComparer.Ordinal);

    // Open mode: the first secret presented for an app key is the key's secret from then on, so naming someone
    // else's key without its secret gets 8001 rather than their live token.
    private readonly ConcurrentDictionary<string, byte[]> _openSecrets = new(StringComparer.Ordinal);
    private readonly SimulatorOptions _options = options.Value;

    /// <summary>Checks the key pair; in open mode any new non-empty pair is accepted and binds the key to that secret.</summary>
    public SimError? Verify(string appKey, string secretKey, out KiwoomEnvironment environment)
    {
        environment = _options.Plays;
        if (!_options.StrictCredentials)
        {
            var presented = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secretKey));
            var bound = _openSecrets.GetOrAdd(appKey, presented);
            return CryptographicOperations.FixedTimeEquals(bound, presented) ? null : SimError.KeyRejected();
        }

        var key = _options.Keys.FirstOrDefault(k => k.AppKey == appKey);
        if (key is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(key.SecretKey), System.Text.Encoding.UTF8.GetBytes(secretKey)))
        {
            return SimError.KeyRejected();
        }

        environment = key.Environment;
        return key.Environment == _options.Plays ? null : SimError.KeyWrongEnvironment();
    }

    /// <summary>Whether the key is already known: provisioned (strict mode) or bound to a secret by an earlier request (open mode).</summary>
    public bool Knows(string appKey) =>
        _options.StrictCredentials ? _options.Keys.Exists(k => k.AppKey == appKey) : _openSecrets.ContainsKey(appKey);

    public IssuedToken Issue(string appKey, KiwoomEnvironment environment)
    {
        var now = clock.GetUtcNow();
        if (_byKey.TryGetValue(appKey, out var existing) && !existing.Revoked && existing.ExpiresAt > now)
        {
            return existing;
        }

        var token = new IssuedToken(NewToken(), appKey, environment, now + _options.TokenLifetime);
        _byToken[token.Token] = token;
        _byKey[appKey] = token;
        return token;
    }

    /// <summary>The live token for a bearer string, or the error Kiwoom answers with.</summary>
    public SimError? Validate(string token, out IssuedToken? issued)
    {
        issued = null;
        if (!_byToken.TryGetValue(token, out var t) || t.Revoked || t.ExpiresAt <= clock.GetUtcNow())
        {
            return SimError.TokenInvalid();
        }

        if (t.Environment != _options.Plays)
        {
            return SimError.TokenWrongEnvironment();
        }

        issued = t;
        return null;
    }

    public bool Revoke(string appKey, string token)
    {
        if (!_byToken.TryGetValue(token, out var t) || t.AppKey != appKey || t.Revoked)
        {
            return false;
        }

        t.Revoked = true;
        return true;
    }

    /// <summary>Expires every token now (control surface), or only those of one app key.</summary>
    public int ExpireAll(string? appKey = null)
    {
        var n = 0;
        foreach (var t in _byToken.Values)
        {
            if (!t.Revoked && (appKey is null || t.AppKey == appKey))
            {
                t.Revoked = true;
                n++;
            }
        }

        return n;
    }

    // 86 characters of the URL-safe alphabet, like the live tokens (PROTOCOL.md 2.1).
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(65)).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..86];
}
