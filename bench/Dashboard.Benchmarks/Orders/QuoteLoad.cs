using System.Security.Claims;
using Dashboard.Web.Broker;

namespace Dashboard.Benchmarks.Orders;

/// <summary>
/// S5's quote ingest beside the orders: each member's own session subscribes to the stocks (0B on their own socket,
/// as a page would) and a reader drains the feed for the whole run. Counts every tick that reached a feed, delivered
/// or conflated into a later value, so the table shows the ingest really ran.
/// </summary>
internal sealed class QuoteLoad : IAsyncDisposable
{
    private readonly List<IOrderChannel> channels = [];
    private readonly List<LiveFeed<Quote>> feeds = [];
    private readonly List<Task> readers = [];
    private readonly CancellationTokenSource stop = new();
    private long delivered;

    private QuoteLoad()
    {
    }

    /// <summary>Ticks that reached the members' feeds so far (delivered, or replaced by a newer one before the reader took it).</summary>
    public long Received => Interlocked.Read(ref delivered) + feeds.Sum(f => f.ConflatedCount);

    public static async Task<QuoteLoad> StartAsync(IOrderGateway gateway, IEnumerable<(ClaimsPrincipal Member, Guid Connection)> members, IReadOnlyCollection<string> codes)
    {
        var load = new QuoteLoad();
        try
        {
            await load.SubscribeAllAsync(gateway, members, codes);
            return load;
        }
        catch
        {
            // A member that could not subscribe ends the run; the sessions already opened are closed, not left behind.
            await load.DisposeAsync();
            throw;
        }
    }

    private async Task SubscribeAllAsync(IOrderGateway gateway, IEnumerable<(ClaimsPrincipal Member, Guid Connection)> members, IReadOnlyCollection<string> codes)
    {
        foreach (var (member, connection) in members)
        {
            var owner = member.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var opened = await gateway.OpenAsync(owner, connection);
            var channel = opened.Channel ?? throw new InvalidOperationException($"No session for the quote load: {opened.Failure} {opened.Message}");
            channels.Add(channel);
            var subscribed = await channel.Feeds.SubscribeQuotesAsync(codes);
            if (!subscribed.IsSuccess)
            {
                throw new InvalidOperationException($"Quotes could not be subscribed: {subscribed.Error.Message}");
            }

            feeds.Add(subscribed.Value);
            readers.Add(DrainAsync(subscribed.Value));
        }
    }

    private async Task DrainAsync(LiveFeed<Quote> feed)
    {
        try
        {
            await foreach (var batch in feed.ReadAllAsync(stop.Token))
            {
                Interlocked.Add(ref delivered, batch.Count);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        foreach (var feed in feeds)
        {
            await feed.DisposeAsync();
        }

        foreach (var channel in channels)
        {
            await channel.DisposeAsync();
        }

        stop.Dispose();
    }
}
