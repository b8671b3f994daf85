using System.Collections.Concurrent;
using System.Text;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;

namespace Dashboard.ScaleOut.Tests;

/// <summary>Reading feeds in the two-instance tests: a first quote batch, what is already waiting, and the lossless events in dispatch order.</summary>
internal static class RelayedFeeds
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static async Task<IReadOnlyList<Quote>> FirstBatchAsync(LiveFeed<Quote> feed)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await foreach (var batch in feed.ReadAllAsync(timeout.Token))
        {
            return batch;
        }

        throw new InvalidOperationException("The feed ended without a batch.");
    }

    /// <summary>Takes what is already waiting, so the next batch is one published after this point.</summary>
    public static async Task DrainAsync(LiveFeed<Quote> feed)
    {
        using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        try
        {
            await foreach (var _ in feed.ReadAllAsync(shortly.Token))
            {
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing more waiting.
        }
    }

    /// <summary>
    /// A lossless feed whose map notes each event (type and every value) as the session dispatches it: several
    /// such feeds on one queue record the session's order across types.
    /// </summary>
    public static async Task<EventFeed<RealtimeEvent>> NoteAsync(IBrokerSession session, string type, ConcurrentQueue<string> seen)
    {
        var subscribed = await session.Feeds.SubscribeEventsAsync(type, string.Empty, e =>
        {
            seen.Enqueue(e.Type + " " + string.Join(",", Enumerable.Range(0, e.Values.Count).Select(i => e.Values.FidAt(i) + "=" + Encoding.UTF8.GetString(e.Values.Utf8At(i)))));
            return e;
        });
        Assert.True(subscribed.IsSuccess, subscribed.Error?.Message);
        return subscribed.Value!;
    }
}
