using Dashboard.Web.Broker;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>What one live page's memory is made of, measured in three settled heaps.</summary>
/// <param name="SessionsMb">Per member: the broker session with its socket, the simulator's side of that socket, and one quote feed of the page's stocks.</param>
/// <param name="CircuitMb">Per tab on top of that: the hub connection, the circuit, its components and render trees, the page's own feed.</param>
/// <param name="Census">What the circuits held, by component type (<see cref="CircuitCensus"/>).</param>
internal sealed record MemoryResult(int Members, int Symbols, int Running, double SessionsMb, double CircuitMb, string Page, string Census);

/// <summary>
/// <c>bench MEM</c>: the heap after a full collection with nothing open, then with N members' broker sessions
/// open in the host (each reading a conflated feed of the page's stocks, as a page does), then with N tabs of
/// the page on top of those same sessions. The differences split MB/circuit of S2/S4 into what the member's
/// upstream link costs (it would cost the same without any page; in production the simulator's half is on
/// Kiwoom's side) and what the Blazor circuit of the page costs.
/// </summary>
internal static class MemoryBreakdown
{
    public static async Task<MemoryResult> RunAsync(BenchHost host, BenchSymbols symbols, BenchOptions options, TextWriter log, bool tabsInProcess)
    {
        var count = options.Members ?? 10;
        var members = await host.CreateMemberRecordsAsync(count);
        await symbols.PreparePageAsync(host);
        var path = options.Page ?? symbols.Page;
        var empty = PhaseRunner.SettledHeap();

        var leases = new List<BrokerLease>();
        var feeds = new List<LiveFeed<Quote>>();
        using var stop = new CancellationTokenSource();
        var readers = new List<Task>();
        try
        {
            foreach (var member in members)
            {
                var opened = await host.Registry.OpenAsync(member.UserId, member.ConnectionId);
                var lease = opened.Lease ?? throw new InvalidOperationException($"{member.Email}: no broker session ({opened.Failure} {opened.Message}).");
                leases.Add(lease);
                var subscribed = await lease.Shared.Feeds.SubscribeQuotesAsync(symbols.Codes, stop.Token);
                var feed = subscribed.IsSuccess ? subscribed.Value : throw new InvalidOperationException($"{member.Email}: {subscribed.Error}");
                feeds.Add(feed);
                readers.Add(DrainAsync(feed, stop.Token));
            }

            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} MEM: {count} sessions with a {symbols.Codes.Count}-stock feed each; settling {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            var sessions = PhaseRunner.SettledHeap();

            await using ITabs tabs = tabsInProcess
                ? new InProcessTabs(host.Address, [.. members.Select(m => m.Cookie)], path)
                : GeneratorProcess.Start(host.Address, [.. members.Select(m => m.Cookie)], path);
            var (running, failed, firstError) = await tabs.WaitReadyAsync();
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} MEM: {running} tabs running, {failed} failed{(firstError is null ? "" : ": " + firstError)}; settling {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            var circuits = PhaseRunner.SettledHeap();
            var census = CircuitCensus.Take(host.Services);
            await tabs.StopAsync();
            return new MemoryResult(count, symbols.Codes.Count, running, Mb(sessions - empty, count), running == 0 ? double.NaN : Mb(circuits - sessions, running), path, census);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var feed in feeds)
            {
                await feed.DisposeAsync();
            }

            await Task.WhenAll(readers);
            foreach (var lease in leases)
            {
                await lease.DisposeAsync();
            }
        }
    }

    public static void Write(MemoryResult r, TextWriter output)
    {
        output.WriteLine("| members | stocks per feed | page | tabs running | sessions + feed MB/member | circuit MB/tab | total MB/tab |");
        output.WriteLine("|---:|---:|---|---:|---:|---:|---:|");
        output.WriteLine(FormattableString.Invariant($"| {r.Members} | {r.Symbols} | /{r.Page} | {r.Running} | {r.SessionsMb:0.00} | {r.CircuitMb:0.00} | {r.SessionsMb + r.CircuitMb:0.00} |"));
        output.WriteLine();
        output.WriteLine(r.Census);
    }

    private static double Mb(long bytes, int per) => bytes / 1_048_576.0 / per;

    private static async Task DrainAsync(LiveFeed<Quote> feed, CancellationToken ct)
    {
        try
        {
            await foreach (var _ in feed.ReadAllAsync(ct))
            {
                // Read and dropped: the page's reader would take the batch the same way.
            }
        }
        catch (OperationCanceledException)
        {
            // The breakdown ended.
        }
    }
}
