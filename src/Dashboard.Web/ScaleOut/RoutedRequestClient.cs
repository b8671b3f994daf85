using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// A non-holder's way to the holder of a key, one per instance: each REST request (query or order) is published,
/// protected, on the current holding's request channel, and its answer comes back on this instance's reply channel
/// <c>{prefix}:replies:{instance}</c> under the request's id. The outcome is always one of:
/// <list type="bullet">
/// <item>the holder's answer, exactly what its REST client returned;</item>
/// <item>"not sent" — nobody received it (PUBLISH reached no listener), or the holder refused it: an order may be
/// placed again;</item>
/// <item>"no answer" — delivered, but the holder's lease passed on (it stopped) or <see cref="ScaleOutOptions.RouteTimeout"/>
/// ran out first: a transport error, so an order becomes an unknown outcome the order service reconciles.</item>
/// </list>
/// When this instance holds the key itself (it took it over), the request runs here without Redis.
/// </summary>
internal sealed class RoutedRequestClient(RedisUpstreamRouter router)
{
    /// <summary>How long a holder remembers an order's request id: far longer than any request waits.</summary>
    public static readonly TimeSpan OrderClaimLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// How much longer than the wait it gives the holder the asker keeps listening: the holder counts the wait from
    /// when it reads the request, a little after it was published, so its last-moment answer (even "too late, not
    /// sent") arrives a little after the asker's own wait ran out. Far more than a hop through Redis takes.
    /// </summary>
    public static readonly TimeSpan ReplyAllowance = TimeSpan.FromSeconds(2);

    private const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<Guid, Pending> pending = new();
    private readonly SemaphoreSlim subscribing = new(1, 1);
    private ChannelMessageQueue? replies;

    public static string RequestChannel(ScaleOutOptions options, string keyId, long fence) =>
        options.Channel("requests:" + keyId + ":" + fence.ToString(CultureInfo.InvariantCulture));

    public static bool IsReplyChannel(ScaleOutOptions options, string channel) =>
        channel.StartsWith(options.Channel("replies:"), StringComparison.Ordinal);

    /// <summary>Requests waiting for an answer (for tests and operations).</summary>
    public int Waiting => pending.Count;

    private string ReplyChannel => router.Options.Channel("replies:" + router.Lease.InstanceId);

    /// <summary>Sends one request through the key's holder and returns what its REST client returned, or why there is no answer.</summary>
    public async Task<KiwoomResult<KiwoomRawResponse>> SendAsync(
        KiwoomCredential credential, RoutedKind kind, string apiId, ReadOnlyMemory<byte> body, KiwoomContinuation? continuation, CancellationToken ct)
    {
        // The wait is measured on this process's monotonic clock and handed on as a duration (see RoutedRequest.WaitMs).
        var started = router.Time.GetTimestamp();
        var request = new RoutedRequest(Guid.NewGuid(), kind, apiId, body.ToArray(), continuation?.NextKey, ReplyChannel, 0);
        await EnsureRepliesAsync();
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            request = request with { WaitMs = (long)Math.Max(0, Left(started).TotalMilliseconds) };
            if (router.LocalServer(credential.KeyId) is { } here)
            {
                return await here.ServeAsync(request, router.Time.GetTimestamp()) is { } answer
                    ? answer.ToResult()
                    : Unanswered(request, "it waited past its deadline");
            }

            var holder = await router.Lease.HolderAsync(credential.KeyId);
            if (holder is null)
            {
                // Free: the first instance to take the key serves everyone; this one, if it wins.
                if (await router.TakeOverAsync(credential) || attempt < MaxAttempts)
                {
                    continue;
                }

                return NotSent(request, "no instance holds this connection right now; try again in a few seconds");
            }

            if (ParseFence(holder) is not { } fence)
            {
                return NotSent(request, "the connection's lease in Redis is unreadable");
            }

            var waiting = new Pending(credential.KeyId, holder);
            pending[request.Id] = waiting;
            long receivers;
            try
            {
                receivers = await router.Redis.GetSubscriber().PublishAsync(
                    RedisChannel.Literal(RequestChannel(router.Options, credential.KeyId, fence)), RoutedMessages.Write(request, router.RoutedProtector));
            }
            catch (RedisException ex)
            {
                // Whether it left this process is unknown: for an order that is an unknown outcome.
                pending.TryRemove(request.Id, out _);
                ScaleOutLog.RoutedPublishFailed(router.Logger, ex, apiId, credential.KeyId);
                return Unanswered(request, "Redis failed while it was being handed over");
            }

            if (receivers == 0)
            {
                // Nobody listens on that holding's channel: certainly not sent. Either the holding is starting (its lease
                // is taken a moment before it listens) or its instance stopped without giving the lease back (it expires
                // within ScaleOut:LeaseExpiry). Ask again shortly, or the new holding once the lease moved.
                pending.TryRemove(request.Id, out _);
                if (attempt < MaxAttempts)
                {
                    if (await router.Lease.HolderAsync(credential.KeyId) == holder)
                    {
                        await Task.Delay(router.Options.LeaseRenewInterval, router.Time, ct);
                    }

                    continue;
                }

                ScaleOutLog.RoutedHolderGone(router.Logger, apiId, credential.KeyId, holder);
                return NotSent(request, $"the instance holding this connection ({Instance(holder)}) stopped; another takes it over within {router.Options.LeaseExpiry.TotalSeconds:0} s, try again then");
            }

            return await WaitAsync(request, waiting, started, ct);
        }
    }

    /// <summary>
    /// The key's lease is now <paramref name="holder"/> (null: free): requests handed to an earlier holding will get no
    /// answer from it, so they end now instead of at their timeout.
    /// </summary>
    public void HolderSeen(string keyId, string? holder)
    {
        foreach (var (id, waiting) in pending)
        {
            if (waiting.KeyId == keyId && waiting.Holder != holder && pending.TryRemove(id, out _))
            {
                waiting.Answer.TrySetResult(null);
            }
        }
    }

    /// <summary>Never sent, certainly: a query may be asked again, an order placed again.</summary>
    public static KiwoomError NotSent(RoutedRequest request, string why) =>
        request.Kind == RoutedKind.Order
            ? new KiwoomError(KiwoomErrorKind.Server, -1, RouteCodes.NotSent, $"{request.ApiId} was not sent: {why}.")
            : new KiwoomError(KiwoomErrorKind.Transport, -1, RouteCodes.NotSent, $"{request.ApiId} was not answered: {why}.");

    /// <summary>Handed to the holder, no answer: a transport failure, so an order's outcome is unknown (and reconciled).</summary>
    public static KiwoomError Unanswered(RoutedRequest request, string why) =>
        new(KiwoomErrorKind.Transport, -1, RouteCodes.NoAnswer, request.Kind == RoutedKind.Order
            ? $"{request.ApiId} got no answer: {why}. The order may or may not have reached the exchange; check open orders before sending it again."
            : $"{request.ApiId} got no answer: {why}; try again.");

    private async Task<KiwoomResult<KiwoomRawResponse>> WaitAsync(RoutedRequest request, Pending waiting, long started, CancellationToken ct)
    {
        var left = Left(started) + ReplyAllowance;
        try
        {
            var answer = await waiting.Answer.Task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, router.Time, ct);
            if (answer is not null)
            {
                return answer.ToResult();
            }

            ScaleOutLog.RoutedHolderGone(router.Logger, request.ApiId, waiting.KeyId, waiting.Holder);
            return Unanswered(request, $"the instance holding this connection ({Instance(waiting.Holder)}) stopped before answering");
        }
        catch (TimeoutException)
        {
            ScaleOutLog.RoutedTimedOut(router.Logger, request.ApiId, waiting.KeyId, router.Options.RouteTimeout.TotalSeconds);
            return Unanswered(request, $"the instance holding this connection ({Instance(waiting.Holder)}) did not answer within {router.Options.RouteTimeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (request.Kind == RoutedKind.Query && ParseFence(waiting.Holder) is { } fence)
            {
                // Best effort: the holder stops waiting for the rate budget on behalf of a page that went away.
                _ = CancelAsync(request, waiting.KeyId, fence);
            }

            throw;
        }
        finally
        {
            pending.TryRemove(request.Id, out _);
        }
    }

    /// <summary>What is left of <see cref="ScaleOutOptions.RouteTimeout"/> since <paramref name="started"/> (a timestamp of the router's clock).</summary>
    private TimeSpan Left(long started) => router.Options.RouteTimeout - router.Time.GetElapsedTime(started);

    private async Task CancelAsync(RoutedRequest request, string keyId, long fence)
    {
        try
        {
            await router.Redis.GetSubscriber().PublishAsync(
                RedisChannel.Literal(RequestChannel(router.Options, keyId, fence)),
                RoutedMessages.Write(request with { Kind = RoutedKind.Cancel, Body = [] }, router.RoutedProtector));
        }
        catch (RedisException ex)
        {
            ScaleOutLog.RoutedPublishFailed(router.Logger, ex, request.ApiId, keyId);
        }
    }

    private async Task EnsureRepliesAsync()
    {
        if (replies is not null)
        {
            return;
        }

        await subscribing.WaitAsync();
        try
        {
            if (replies is null)
            {
                // Subscribed (confirmed by Redis) before the first request goes out, so no answer can arrive unheard.
                var queue = await router.Redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ReplyChannel));
                queue.OnMessage(OnReply);
                replies = queue;
            }
        }
        finally
        {
            subscribing.Release();
        }
    }

    private void OnReply(ChannelMessage message)
    {
        if (RoutedMessages.ReadAnswer((byte[])message.Message!, router.RoutedProtector) is not { } answer)
        {
            ScaleOutLog.UnreadableRoutedMessage(router.Logger, ReplyChannel);
            return;
        }

        if (pending.TryRemove(answer.Id, out var waiting))
        {
            waiting.Answer.TrySetResult(answer);
        }
    }

    private static long? ParseFence(string holder)
    {
        var hash = holder.LastIndexOf('#');
        return hash >= 0 && long.TryParse(holder.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var fence) ? fence : null;
    }

    private static string Instance(string holder) => holder.LastIndexOf('#') is var hash and >= 0 ? holder[..hash] : holder;

    /// <summary>A request handed to <see cref="Holder"/>; its answer, or null when that holding went away.</summary>
    private sealed class Pending(string keyId, string holder)
    {
        public string KeyId { get; } = keyId;

        public string Holder { get; } = holder;

        public TaskCompletionSource<RoutedAnswer?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Detail codes of the errors routing answers itself.</summary>
public static class RouteCodes
{
    /// <summary>The request certainly did not reach Kiwoom: an order may be placed again.</summary>
    public const string NotSent = "ROUTE-NOT-SENT";

    /// <summary>The request was handed to the holder and no answer came back: an order's outcome is unknown.</summary>
    public const string NoAnswer = "ROUTE-NO-ANSWER";
}
