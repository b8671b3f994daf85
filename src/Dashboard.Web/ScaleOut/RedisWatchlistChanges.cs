using Dashboard.Web.Watchlists;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// Watchlist change notices across instances. Viewers on this instance hear a change at once through the
/// in-process bus; the same notice goes out on a Redis channel and every other instance hands it to its
/// own in-process bus. A notice only says "list X changed": receivers reload through the service, which
/// checks their own rights (SEC-13), so nothing readable crosses Redis.
/// </summary>
public sealed class RedisWatchlistChanges : IWatchlistChanges, IHostedService
{
    private readonly InProcessWatchlistChanges local;
    private readonly IConnectionMultiplexer redis;
    private readonly ILogger logger;
    private readonly string instanceId;
    private readonly RedisChannel channel;

    public RedisWatchlistChanges(IConnectionMultiplexer redis, IOptions<ScaleOutOptions> options, ILoggerFactory loggers)
    {
        local = new InProcessWatchlistChanges(loggers.CreateLogger<InProcessWatchlistChanges>());
        this.redis = redis;
        logger = loggers.CreateLogger<RedisWatchlistChanges>();
        instanceId = options.Value.ResolveInstanceId();
        channel = RedisChannel.Literal(options.Value.Channel("watchlists"));
    }

    public async ValueTask PublishAsync(WatchlistChange change, CancellationToken ct = default)
    {
        await local.PublishAsync(change, ct);
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, PeerMessages.Write(new PeerMessage<WatchlistChange>(instanceId, change)));
        }
        catch (RedisException ex)
        {
            // The edit is saved; other instances' viewers see it when they next load the list.
            ScaleOutLog.PublishFailed(logger, ex, channel.ToString());
        }
    }

    public Task<IAsyncDisposable> SubscribeAsync(Guid? listId, Func<WatchlistChange, CancellationToken, Task> onChange, CancellationToken ct = default) =>
        local.SubscribeAsync(listId, onChange, ct);

    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(channel, (_, value) => OnPeerMessage(value));

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(channel);

    private void OnPeerMessage(RedisValue value)
    {
        try
        {
            if (PeerMessages.ReadWatchlistChange(value.ToString()) is { } message && message.From != instanceId)
            {
                // The in-process bus only queues; it never waits for a viewer, so Redis's reader is not held up.
                _ = local.PublishAsync(message.Body);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            ScaleOutLog.UnreadableMessage(logger, ex, channel.ToString());
        }
    }
}
