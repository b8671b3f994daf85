using System.Collections.Concurrent;
using System.Text;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.ScaleOut;

namespace Dashboard.ScaleOut.Tests;

/// <summary>The holder's one queue for a key's lossless pushes: offered order is published order, across types; bounded with a clear end.</summary>
public sealed class LosslessSequenceTests
{
    [Fact]
    public async Task EventsOfDifferentTypesArePublishedInTheOrderTheyWereOffered()
    {
        var published = new ConcurrentQueue<string>();
        var sequence = new LosslessSequence(64, (item, e) =>
        {
            published.Enqueue(e.Type + ":" + item);
            return Task.CompletedTask;
        }, () => throw new InvalidOperationException("no overrun expected"));
        string[] offered = ["00:", "00:", "04:", "1h:005930", "00:", "04:"];

        foreach (var entry in offered)
        {
            var (type, item) = (entry[..2], entry[3..]);
            sequence.Offer(item, Event(type));
        }

        await sequence.CompleteAsync();
        Assert.Equal(offered, published);
    }

    [Fact]
    public async Task AQueueFullBecauseRedisStallsEndsTheSequenceOnceAndKeepsWhatItHeldInOrder()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var published = new ConcurrentQueue<int>();
        var overruns = 0;
        var sequence = new LosslessSequence(2, async (item, _) =>
        {
            await release.Task;
            published.Enqueue(int.Parse(item, System.Globalization.CultureInfo.InvariantCulture));
        }, () => Interlocked.Increment(ref overruns));

        // The pump takes at most one and waits on the stalled publish; two more fill the queue; the rest overrun.
        for (var k = 1; k <= 6; k++)
        {
            sequence.Offer(k.ToString(System.Globalization.CultureInfo.InvariantCulture), Event("00"));
        }

        Assert.True(sequence.Ended);
        Assert.Equal(1, overruns);
        release.SetResult();
        await sequence.CompleteAsync();
        Assert.InRange(published.Count, 2, 3);
        Assert.Equal(Enumerable.Range(1, published.Count), published);
    }

    private static RealtimeEvent Event(string type)
    {
        var frame = """{"trnm":"REAL","data":[{"type":"TYPE","name":"","item":"","values":{"9201":"1"}}]}""".Replace("TYPE", type, StringComparison.Ordinal);
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser().Parse(Encoding.UTF8.GetBytes(frame), events, out _);
        return Assert.Single(events);
    }
}
