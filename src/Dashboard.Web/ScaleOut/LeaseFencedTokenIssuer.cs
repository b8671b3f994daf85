using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Auth;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// Several instances: au10002 (revoke) goes out only when no other instance uses or waits for the key. Kiwoom keeps one
/// live token per app key and hands that same token to whoever asks for one (the simulator does too), so the token an
/// instance revokes on its way out can be the very token the key's next holder was just given: that holder's queries
/// then get 8005, and its token source refuses to re-issue within a second of issuing, so for a second or two they
/// fail. Hence a revoke first takes the key's lease (while this instance holds it nobody else holds the key, and only
/// a holder uses the token), then asks whether another instance still wants the key (an open session there will take
/// the key over and use the token). Only the last user revokes; otherwise the token is left to the next holder and
/// expires by itself (it is bound to the key and to the servers' registered addresses). When Redis cannot tell, the
/// token is left too: revoking under a live holder breaks members' queries, a token left to expire breaks nothing.
/// </summary>
internal sealed class LeaseFencedTokenIssuer(IKiwoomTokenIssuer inner, IConnectionMultiplexer redis, ScaleOutOptions options, ILogger<LeaseFencedTokenIssuer> logger)
    : IKiwoomTokenIssuer
{
    private readonly RedisKeyLease lease = new(redis, options);
    private readonly KeyInterest interest = new(redis, options);

    public Task<KiwoomResult<KiwoomToken>> IssueAsync(KiwoomCredential credential, CancellationToken ct = default) => inner.IssueAsync(credential, ct);

    public async Task<KiwoomResult<bool>> RevokeAsync(KiwoomCredential credential, KiwoomToken token, CancellationToken ct = default)
    {
        var keyId = credential.KeyId;
        long? fence = null;
        try
        {
            fence = await lease.TryAcquireAsync(keyId);
            if (fence is null)
            {
                ScaleOutLog.TokenLeftToNextHolder(logger, keyId, "another instance holds the key");
                return KiwoomResult<bool>.Success(false);
            }

            if (await interest.WantedByOthersAsync(keyId, lease.InstanceId))
            {
                ScaleOutLog.TokenLeftToNextHolder(logger, keyId, "another instance still wants the key");
                return KiwoomResult<bool>.Success(false);
            }
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            ScaleOutLog.TokenLeftToNextHolder(logger, keyId, "Redis cannot tell whether another instance uses it");
            await ReleaseAsync(keyId, fence);
            return KiwoomResult<bool>.Success(false);
        }

        try
        {
            // Still holding the lease: nobody can take the key over (and be handed this token) until it is revoked.
            return await inner.RevokeAsync(credential, token, ct);
        }
        finally
        {
            await ReleaseAsync(keyId, fence);
        }
    }

    private async Task ReleaseAsync(string keyId, long? fence)
    {
        if (fence is not { } held)
        {
            return;
        }

        try
        {
            await lease.ReleaseAsync(keyId, held);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            // It expires by itself within ScaleOut:LeaseExpiry; until then another instance waits for the key.
            ScaleOutLog.RenewFailed(logger, ex, keyId);
        }
    }
}
