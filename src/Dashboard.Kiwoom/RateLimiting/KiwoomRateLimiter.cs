using System.Collections.Concurrent;
using Dashboard.Kiwoom.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.RateLimiting;

/// <summary>
/// One request bucket per app key and rate-limit group, shared by everything that calls Kiwoom
/// with that key (every circuit, the CLI, the token source), so the key stays within its budget.
/// </summary>
public sealed partial class KiwoomRateLimiter
{
    private readonly ConcurrentDictionary<(string KeyId, RateLimitGroup Group), RequestBucket> buckets = new();
    private readonly TimeProvider time;
    private readonly KiwoomClientOptions options;
    private readonly ILogger<KiwoomRateLimiter> logger;

    public KiwoomRateLimiter(IOptions<KiwoomClientOptions> options, TimeProvider time, ILogger<KiwoomRateLimiter> logger)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The number of requests per second the bucket of this key and group allows.</summary>
    public int LimitOf(KiwoomCredential credential, RateLimitGroup group) => BucketOf(credential, group).Limit;

    /// <summary>
    /// Waits until the key may send one more request of <paramref name="group"/>. Dispose the lease
    /// when the answer is in: a token returns one second after the answer, not after the send.
    /// </summary>
    public async ValueTask<RateLease> AcquireAsync(KiwoomCredential credential, RateLimitGroup group, CancellationToken ct = default)
    {
        var lease = await BucketOf(credential, group).AcquireAsync(ct).ConfigureAwait(false);
        if (lease.Waited >= TimeSpan.FromSeconds(1))
        {
            LogWaited(credential.KeyId, group, lease.Waited.TotalMilliseconds);
        }

        return lease;
    }

    /// <summary>
    /// The server said 1700/1701/1702 or HTTP 429: pause the bucket (1 s, then growing) and return
    /// the pause. <paramref name="retryAfter"/> is the server's Retry-After, when it sent one.
    /// </summary>
    public TimeSpan ReportRateLimited(KiwoomCredential credential, RateLimitGroup group, TimeSpan? retryAfter = null)
    {
        var pause = BucketOf(credential, group).Pause(options.RateLimitPause, options.MaxRateLimitPause, retryAfter);
        LogPaused(credential.KeyId, group, pause.TotalMilliseconds);
        return pause;
    }

    /// <summary>An answer other than a rate limit arrived for this key and group.</summary>
    public void ReportAccepted(KiwoomCredential credential, RateLimitGroup group) => BucketOf(credential, group).ResetPause();

    private RequestBucket BucketOf(KiwoomCredential credential, RateLimitGroup group) =>
        buckets.GetOrAdd((credential.KeyId, group), static (key, state) =>
        {
            var (self, environment) = state;
            var perSecond = key.Group switch
            {
                RateLimitGroup.Order => self.options.OrdersPerSecond,
                RateLimitGroup.Auth => self.options.AuthPerSecond,
                _ => environment == KiwoomEnvironment.Mock ? self.options.MockQueriesPerSecond : self.options.QueriesPerSecond,
            };
            return new RequestBucket(self.time, perSecond, TimeSpan.FromSeconds(1));
        }, (this, credential.Environment));

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Key {KeyId} waited {WaitedMs} ms for its {Group} budget")]
    private partial void LogWaited(string keyId, RateLimitGroup group, double waitedMs);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Kiwoom rate-limited key {KeyId} ({Group}); pausing that bucket for {PauseMs} ms")]
    private partial void LogPaused(string keyId, RateLimitGroup group, double pauseMs);
}
