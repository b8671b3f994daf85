using System.Threading.Channels;

namespace Dashboard.Web.Watchlists;

/// <summary>
/// Change notification within one process. Each subscriber has its own small queue that drops the oldest
/// when full and its own pump, so a slow page never delays the writer or the other viewers.
/// </summary>
public sealed class InProcessWatchlistChanges(ILogger<InProcessWatchlistChanges> logger) : IWatchlistChanges
{
    private const int QueueLength = 16;
    private readonly ILogger logger = logger;
    private readonly Lock gate = new();
    private List<Subscriber> subscribers = [];

    public ValueTask PublishAsync(WatchlistChange change, CancellationToken ct = default)
    {
        List<Subscriber> current;
        lock (gate)
        {
            current = subscribers;
        }

        foreach (var subscriber in current)
        {
            if (subscriber.ListId is null || subscriber.ListId == change.ListId)
            {
                subscriber.Queue.Writer.TryWrite(change);
            }
        }

        return ValueTask.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(Guid? listId, Func<WatchlistChange, CancellationToken, Task> onChange, CancellationToken ct = default)
    {
        var subscriber = new Subscriber(this, listId, onChange);
        lock (gate)
        {
            // Copy on write: publishers iterate a list that never changes under them.
            subscribers = [.. subscribers, subscriber];
        }

        subscriber.Start();
        return Task.FromResult<IAsyncDisposable>(subscriber);
    }

    private void Remove(Subscriber subscriber)
    {
        lock (gate)
        {
            subscribers = [.. subscribers.Where(s => s != subscriber)];
        }
    }

    private sealed class Subscriber(InProcessWatchlistChanges owner, Guid? listId, Func<WatchlistChange, CancellationToken, Task> onChange) : IAsyncDisposable
    {
        private readonly CancellationTokenSource stopping = new();
        private Task pump = Task.CompletedTask;

        public Guid? ListId { get; } = listId;

        public Channel<WatchlistChange> Queue { get; } = Channel.CreateBounded<WatchlistChange>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        public void Start() => pump = Task.Run(PumpAsync);

        public async ValueTask DisposeAsync()
        {
            owner.Remove(this);
            Queue.Writer.TryComplete();
            await stopping.CancelAsync();
            await pump;
            stopping.Dispose();
        }

        private async Task PumpAsync()
        {
            try
            {
                await foreach (var change in Queue.Reader.ReadAllAsync(stopping.Token))
                {
                    try
                    {
                        await onChange(change, stopping.Token);
                    }
                    catch (Exception ex)
                    {
                        if (stopping.IsCancellationRequested)
                        {
                            return;
                        }

                        WatchlistLog.SubscriberFailed(owner.logger, ex, change.Kind, change.ListId);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Unsubscribed: the normal end.
            }
        }
    }
}
