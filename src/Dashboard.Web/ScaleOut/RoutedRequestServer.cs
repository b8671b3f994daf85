using System.Collections.Concurrent;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// The holder's side of request routing for one holding: reads <c>{prefix}:requests:{keyId}:{fence}</c> (only this
/// holding listens there, so a request addressed to an older or newer holding is never taken by this one) and runs
/// each request through the holder's own session and REST client: its token, its one rate budget. Queries run
/// concurrently (the rate budget paces them) and may be cancelled by the asker; an order is first claimed in Redis
/// under its request id (SET NX), so a request delivered twice is sent once, and the duplicate gets no reply that
/// could overtake the real answer.
/// </summary>
internal sealed class RoutedRequestServer(RedisUpstreamRouter router, BrokerSession session, KiwoomCredential credential, long fence)
{
    /// <summary>How long a clean stop lets requests in flight finish and answer before cancelling the queries.</summary>
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> queries = new();
    private readonly ConcurrentDictionary<Task, byte> inFlight = new();
    private ChannelMessageQueue? requests;
    private volatile bool stopping;

    public string KeyId => session.KeyId;

    public async Task StartAsync()
    {
        requests = await router.Redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RoutedRequestClient.RequestChannel(router.Options, KeyId, fence)));

        // A synchronous handler: the queue would otherwise run one request at a time.
        requests.OnMessage(message =>
        {
            if (RoutedMessages.ReadRequest((byte[])message.Message!, router.RoutedProtector) is not { } request)
            {
                ScaleOutLog.UnreadableRoutedMessage(router.Logger, KeyId);
                return;
            }

            Accept(request);
        });
    }

    /// <summary>Runs a request that reached this holding, from Redis or from this instance's own remote session.</summary>
    public void Accept(RoutedRequest request)
    {
        if (request.Kind == RoutedKind.Cancel)
        {
            if (queries.TryGetValue(request.Id, out var running))
            {
                running.Cancel();
            }

            return;
        }

        var task = ServeAndReplyAsync(request, router.Time.GetTimestamp());
        inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Runs one request here and returns the answer (this instance's own remote sessions call this directly).</summary>
    /// <param name="received">When it reached this holding (a timestamp of the router's clock): its wait counts from there.</param>
    public async Task<RoutedAnswer?> ServeAsync(RoutedRequest request, long received)
    {
        if (stopping)
        {
            return RoutedAnswer.NotSent(request.Id, RoutedRequestClient.NotSent(request, "the instance holding the connection is stopping"));
        }

        // The asker's remaining wait, counted on this machine's own clock from the request's arrival: no other clock is read.
        var left = TimeSpan.FromMilliseconds(request.WaitMs) - router.Time.GetElapsedTime(received);
        if (left <= TimeSpan.Zero)
        {
            // The asker has given up (and told its caller so): nothing is sent, nobody waits for the answer.
            ScaleOutLog.RoutedRequestExpired(router.Logger, request.ApiId, KeyId);
            return null;
        }

        return request.Kind == RoutedKind.Order ? await SendOrderAsync(request) : await QueryAsync(request, left);
    }

    public async Task StopAsync()
    {
        stopping = true;
        if (requests is not null)
        {
            await requests.UnsubscribeAsync();
        }

        var running = Task.WhenAll(inFlight.Keys);
        if (await Task.WhenAny(running, Task.Delay(DrainBound, router.Time)) != running)
        {
            // Queries still waiting for the rate budget: end them (each answers its asker). Orders already handed to
            // the REST client run to their answer, bounded by its request timeout.
            foreach (var query in queries.Values)
            {
                query.Cancel();
            }
        }

        await running;
    }

    private async Task ServeAndReplyAsync(RoutedRequest request, long received)
    {
        RoutedAnswer? answer;
        try
        {
            answer = await ServeAsync(request, received);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or an unexpected failure must still reach the asker rather than leave it waiting.
            ScaleOutLog.RoutedRequestFailed(router.Logger, ex, request.ApiId, KeyId);
            answer = request.Kind == RoutedKind.Order
                ? new RoutedAnswer(request.Id, RoutedStatus.Failed, 0, null, null, null, [], RoutedRequestClient.Unanswered(request, "the holder failed while sending it"))
                : RoutedAnswer.NotSent(request.Id, RoutedRequestClient.NotSent(request, "the holder failed while sending it"));
        }

        if (answer is null || !RoutedRequestClient.IsReplyChannel(router.Options, request.ReplyTo))
        {
            return;
        }

        try
        {
            await router.Redis.GetSubscriber().PublishAsync(RedisChannel.Literal(request.ReplyTo), RoutedMessages.Write(answer, router.RoutedProtector));
        }
        catch (RedisException ex)
        {
            // The asker times out, or sees the holder gone: for an order that is an unknown outcome it reconciles.
            ScaleOutLog.RoutedReplyFailed(router.Logger, ex, request.ApiId, KeyId);
        }
    }

    private async Task<RoutedAnswer> QueryAsync(RoutedRequest request, TimeSpan left)
    {
        using var deadline = new CancellationTokenSource(left, router.Time);
        queries[request.Id] = deadline;
        try
        {
            // The session's own query path: the same refusals (orders, tokens, condition search) as for a local circuit.
            var continuation = request.NextKey is null ? null : new KiwoomContinuation(request.NextKey);
            var result = await session.Queries.QueryRawAsync(request.ApiId, request.Body, continuation, deadline.Token);
            return RoutedAnswer.From(request.Id, result);
        }
        catch (OperationCanceledException)
        {
            return RoutedAnswer.NotSent(request.Id, RoutedRequestClient.NotSent(request, stopping
                ? "the instance holding the connection stopped first"
                : "it was cancelled or waited past its deadline for the rate budget"));
        }
        catch (ArgumentException ex)
        {
            // An api-id outside the registry: the asker's own session would have thrown the same.
            return RoutedAnswer.NotSent(request.Id, new KiwoomError(KiwoomErrorKind.Protocol, -1, null, ex.Message));
        }
        finally
        {
            queries.TryRemove(request.Id, out _);
        }
    }

    private async Task<RoutedAnswer?> SendOrderAsync(RoutedRequest request)
    {
        if (KiwoomApis.Find(request.ApiId) is not { Kind: ApiKind.Order })
        {
            return RoutedAnswer.NotSent(request.Id, new KiwoomError(KiwoomErrorKind.Protocol, -1, null, $"{request.ApiId} is not an order TR."));
        }

        bool claimed;
        try
        {
            claimed = await router.Redis.GetDatabase().StringSetAsync(
                router.Options.Channel("routed-order:" + request.Id.ToString("N")),
                router.Lease.InstanceId + "#" + fence,
                RoutedRequestClient.OrderClaimLifetime,
                When.NotExists);
        }
        catch (RedisException ex)
        {
            ScaleOutLog.RoutedReplyFailed(router.Logger, ex, request.ApiId, KeyId);
            return RoutedAnswer.NotSent(request.Id, RoutedRequestClient.NotSent(request, "Redis did not answer before it was sent"));
        }

        if (!claimed)
        {
            // Delivered before (or to another holding): it was sent then. No reply, so this cannot overtake the real answer.
            ScaleOutLog.RoutedOrderDuplicate(router.Logger, request.ApiId, KeyId);
            return null;
        }

        ScaleOutLog.RoutedOrderSending(router.Logger, request.ApiId, KeyId, fence);

        // Exactly the local order path (BrokerSession.SendOrderAsync): the process-wide REST client with the holder's
        // credential, token and order budget; never re-sent, a lost answer is an unknown outcome.
        return RoutedAnswer.From(request.Id, await router.Rest.SendRawAsync(credential, request.ApiId, request.Body, null, CancellationToken.None));
    }
}
