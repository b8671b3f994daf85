using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>
/// One subscriber's conflated quote feed, fed straight from the realtime client's receive loop: per key
/// only the newest value waits (latest wins), so a slow reader costs memory bounded by the number of
/// keys, never a growing queue, and never slows anyone else. Dispose to unsubscribe.
/// </summary>
public sealed class LiveFeed<T> : FeedBase, IRealtimeSink
    where T : class, ILiveValue
{
    private readonly Func<RealtimeEvent, T?> map;
    private readonly Lock gate = new();

    // Capacity one, drop-write: a pending wake-up already covers every value published after it.
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly BrokerMetrics? metrics;

    // The value the last event delivered on this thread mapped to, by which map. One receive loop hands the same
    // event to every feed of its (type, item) in turn (the shared team quote feed: every member's page), so the
    // second and later feeds reuse the first one's immutable value instead of parsing the event again.
    [ThreadStatic]
    private static (RealtimeEvent? Event, Func<RealtimeEvent, T?>? Map, T? Value) lastMapped;

    private Dictionary<string, T> pending = new(StringComparer.Ordinal);

    // The dictionary the reader emptied last time, reused for the next batch: one allocation per feed, not one per tick.
    private Dictionary<string, T>? spare;
    private List<T> queued = [];
    private long conflated;

    internal LiveFeed(string type, Func<RealtimeEvent, T?> map, BrokerMetrics? metrics = null, bool conflate = true)
        : base(type)
    {
        this.map = map;
        this.metrics = metrics;
        Conflates = conflate;
    }

    /// <summary>False only in the benchmark's naive baseline: every value is delivered, one batch each.</summary>
    public bool Conflates { get; }

    /// <summary>Values replaced by a newer one of the same key before the reader took them.</summary>
    public long ConflatedCount => Interlocked.Read(ref conflated);

    /// <summary>Batches of the newest value per key, in no particular order; ends when the feed or its session closes.</summary>
    public async IAsyncEnumerable<IReadOnlyList<T>> ReadAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        while (await signal.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            signal.Reader.TryRead(out _);
            var batch = Take();
            if (!Conflates)
            {
                foreach (var value in batch)
                {
                    yield return [value];
                }
            }
            else if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    /// <summary>Adds a value, e.g. a snapshot the subscriber fetched itself.</summary>
    public void Publish(T value)
    {
        lock (gate)
        {
            if (!Conflates)
            {
                queued.Add(value);
            }
            else if (!pending.TryAdd(value.Key, value))
            {
                pending[value.Key] = value;
                conflated++;
            }
        }

        signal.Writer.TryWrite(true);
    }

    void IRealtimeSink.Deliver(RealtimeEvent e)
    {
        if (MapOnce(e) is { } value)
        {
            metrics?.Parsed(e.ReceivedAt);
            Publish(value);
        }
    }

    void IRealtimeSink.Complete() => Complete();

    /// <summary>The map's value of <paramref name="e"/>, reused when this thread just mapped the same event with the same map.</summary>
    internal T? MapOnce(RealtimeEvent e)
    {
        var last = lastMapped;
        if (ReferenceEquals(last.Event, e) && map.Equals(last.Map))
        {
            return last.Value;
        }

        var value = map(e);
        lastMapped = (e, map, value);
        return value;
    }

    internal override void Offer(ILiveValue snapshot)
    {
        if (snapshot is T value)
        {
            Publish(value);
        }
    }

    internal override void Complete() => signal.Writer.TryComplete();

    internal override void Fail(Exception error) => signal.Writer.TryComplete(error);

    private List<T> Take()
    {
        Dictionary<string, T> taken;
        lock (gate)
        {
            if (!Conflates)
            {
                var all = queued;
                queued = [];
                return all;
            }

            if (pending.Count == 0)
            {
                return [];
            }

            taken = pending;
            pending = spare ?? new Dictionary<string, T>(StringComparer.Ordinal);
            spare = null;
        }

        List<T> batch = [.. taken.Values];
        taken.Clear();
        lock (gate)
        {
            spare = taken;
        }

        return batch;
    }
}
