using System.Collections.Concurrent;
using Dashboard.Kiwoom.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Auth;

/// <summary>
/// One access token per credential: issued on first use, replaced when it comes within
/// <see cref="KiwoomClientOptions.TokenRefreshMargin"/> of its Korea-time expiry, single-flight under
/// concurrency, and never re-issued in a tight loop (failures and repeated 8005s back off 1 s, 2 s, 4 s …).
/// Revokes its tokens on sign-out and on dispose.
/// </summary>
public sealed partial class KiwoomTokenSource : IKiwoomTokenSource, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<KiwoomCredential, TokenSlot> slots = new();
    private readonly IKiwoomTokenIssuer issuer;
    private readonly KiwoomClientOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<KiwoomTokenSource> logger;

    public KiwoomTokenSource(IKiwoomTokenIssuer issuer, IOptions<KiwoomClientOptions> options, TimeProvider time, ILogger<KiwoomTokenSource> logger)
    {
        this.issuer = issuer;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    public async ValueTask<KiwoomResult<KiwoomToken>> GetTokenAsync(KiwoomCredential credential, bool forceRefresh = false, CancellationToken ct = default)
    {
        var slot = slots.GetOrAdd(credential, static _ => new TokenSlot());
        if (!forceRefresh && slot.Token is { } cached && IsFresh(cached, time.GetUtcNow()))
        {
            return KiwoomResult<KiwoomToken>.Success(cached);
        }

        await slot.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await GetLockedAsync(credential, slot, forceRefresh, ct).ConfigureAwait(false);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Sign-out: forgets the credential's token and revokes it (au10002).</summary>
    public async Task<KiwoomResult<bool>> RevokeAsync(KiwoomCredential credential, CancellationToken ct = default)
    {
        if (!slots.TryRemove(credential, out var slot))
        {
            return KiwoomResult<bool>.Success(false);
        }

        await slot.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var token = slot.Token;
            slot.Token = null;
            if (token is null || token.ExpiresAt <= time.GetUtcNow())
            {
                return KiwoomResult<bool>.Success(false);
            }

            return await issuer.RevokeAsync(credential, token, ct).ConfigureAwait(false);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Revokes every token still valid, so none outlives the process.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var credential in slots.Keys.ToArray())
        {
            var revoked = await RevokeAsync(credential).ConfigureAwait(false);
            if (!revoked.IsSuccess)
            {
                LogRevokeOnDisposeFailed(credential.KeyId, revoked.Error.Kind);
            }
        }
    }

    /// <summary>
    /// Synchronous disposal cannot wait for au10002 without blocking a thread, so it only forgets the
    /// tokens and says so; hosts dispose asynchronously and revoke.
    /// </summary>
    public void Dispose()
    {
        var live = slots.Count(s => s.Value.Token is { } token && token.ExpiresAt > time.GetUtcNow());
        slots.Clear();
        if (live > 0)
        {
            LogNotRevoked(live);
        }
    }

    private async ValueTask<KiwoomResult<KiwoomToken>> GetLockedAsync(KiwoomCredential credential, TokenSlot slot, bool forceRefresh, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var current = slot.Token;
        if (current is not null)
        {
            if (!forceRefresh && IsFresh(current, now))
            {
                // Another caller refreshed it while this one waited for the gate.
                return KiwoomResult<KiwoomToken>.Success(current);
            }

            if (forceRefresh && !MayForce(slot, now))
            {
                // Callers rejected together share one re-issue, and a token the server keeps rejecting
                // is re-issued at most once per growing interval, never in a loop.
                return KiwoomResult<KiwoomToken>.Success(current);
            }
        }

        if (now < slot.NotBefore)
        {
            if (current is not null && current.ExpiresAt > now)
            {
                return KiwoomResult<KiwoomToken>.Success(current);
            }

            return slot.LastError ?? new KiwoomError(KiwoomErrorKind.Authentication, -1, null, "Token issuance is backing off after a failure.");
        }

        var issued = await issuer.IssueAsync(credential, ct).ConfigureAwait(false);
        now = time.GetUtcNow();
        if (!issued.IsSuccess)
        {
            slot.LastError = issued.Error;
            slot.NotBefore = now + Backoff(slot.FailureStreak++);
            return current is not null && current.ExpiresAt > now ? KiwoomResult<KiwoomToken>.Success(current) : issued.Error;
        }

        UpdateForcedStreak(slot, forceRefresh, now);
        slot.Token = issued.Value;
        slot.IssuedAt = now;
        slot.LastError = null;
        if (IsFresh(issued.Value, now))
        {
            slot.FailureStreak = 0;
            slot.NotBefore = default;
        }
        else
        {
            // Kiwoom may hand back the same token near its end of life; asking again at once would
            // only return it again, so wait before the next attempt.
            LogIssuedNearExpiry(credential.KeyId, issued.Value.ExpiresAt);
            slot.NotBefore = now + Backoff(slot.FailureStreak++);
        }

        return issued;
    }

    private bool IsFresh(KiwoomToken token, DateTimeOffset now) => token.ExpiresAt - options.TokenRefreshMargin > now;

    private bool MayForce(TokenSlot slot, DateTimeOffset now) => now - slot.IssuedAt >= ForcedInterval(slot.ForcedStreak);

    private void UpdateForcedStreak(TokenSlot slot, bool forced, DateTimeOffset now)
    {
        if (!forced)
        {
            slot.ForcedStreak = 0;
            return;
        }

        // A quiet spell of twice the current interval means the previous trouble is over.
        var quiet = now - slot.IssuedAt >= 2 * ForcedInterval(slot.ForcedStreak);
        slot.ForcedStreak = quiet ? 1 : slot.ForcedStreak + 1;
    }

    private TimeSpan ForcedInterval(int streak) => Backoff(Math.Max(0, streak - 1));

    private TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(attempt, 20);
        var ticks = Math.Min(options.TokenRetryBackoff.Ticks * (1L << exponent), options.MaxTokenRetryBackoff.Ticks);
        return TimeSpan.FromTicks(ticks);
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Kiwoom issued a token for key {KeyId} that already expires at {ExpiresAt:O}; waiting before asking again")]
    private partial void LogIssuedNearExpiry(string keyId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Could not revoke the token of key {KeyId} on shutdown: {Kind}")]
    private partial void LogRevokeOnDisposeFailed(string keyId, KiwoomErrorKind kind);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Disposed synchronously: {Count} Kiwoom token(s) were forgotten without au10002; dispose asynchronously to revoke them")]
    private partial void LogNotRevoked(int count);
}
