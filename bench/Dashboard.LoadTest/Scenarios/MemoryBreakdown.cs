using Dashboard.Web.Broker;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>What one live page's memory is made of, measured in four settled heaps.</summary>
/// <param name="SessionsMb">Per member: the broker session with its socket, the simulator's side of that socket, and one quote feed of the page's stocks.</param>
/// <param name="FirstTabMb">The first tab of the process: its circuit plus what the first circuit fills once for all (type and reflection caches, pools).</param>
/// <param name="CircuitMb">Per further tab: the hub connection, the circuit, its components and render trees, the page's own feed.</param>
/// <param name="SecondBatchMb">The same, measured on a second batch of N tabs opened after the first batch: what the first
/// batch still filled once (pools and caches sized by the number of circuits) is in both heaps, so this is the figure to read.</param>
/// <param name="AveragedMb">Every tab's share of the growth, the first tab's one-time fill included (MEM's figure up to round 6).</param>
/// <param name="Census">What the circuits held, by component type (<see cref="CircuitCensus"/>).</param>
internal sealed record MemoryResult(int Members, int Symbols, int Running, double SessionsMb, double FirstTabMb, double CircuitMb, double SecondBatchMb, double AveragedMb, string Page, string Census);

/// <summary>
/// <c>bench MEM</c>: the heap after a full collection with nothing open, then with N members' broker sessions
/// open in the host (each reading a conflated feed of the page's stocks, as a page does), then with one tab of the
/// page open on the first member's session, then with N more tabs (one per member) on top. The differences split
/// MB/circuit of S2/S4 into what the member's upstream link costs (it would cost the same without any page; in
/// production the simulator's half is on Kiwoom's side), what the first circuit of the process costs once (caches
/// every later circuit shares), and what each further circuit of the page costs: the figure that scales with tabs.
/// </summary>
internal static class MemoryBreakdown
{
    public static async Task<MemoryResult> RunAsync(BenchHost host, LatencyRecorder latency, BenchSymbols symbols, BenchOptions options, TextWriter log, bool tabsInProcess)
    {
        var count = options.Members ?? 10;
        var members = await host.CreateMemberRecordsAsync(count);
        await symbols.PreparePageAsync(host);
        var path = options.Page ?? symbols.Page;
        var empty = Settled(latency);

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
            var sessions = Settled(latency);

            // The first tab stays open beside the others, so what it filled once is in both of the next two heaps.
            await using ITabs first = OpenTabs(host, [members[0].Cookie], path, tabsInProcess);
            var (firstRunning, _, firstFailure) = await first.WaitReadyAsync();
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} MEM: first tab {(firstRunning == 1 ? "running" : "failed: " + firstFailure)}; settling {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            var firstTab = Settled(latency);

            await using ITabs tabs = OpenTabs(host, [.. members.Select(m => m.Cookie)], path, tabsInProcess);
            var (running, failed, firstError) = await tabs.WaitReadyAsync();
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} MEM: {running} more tabs running, {failed} failed{(firstError is null ? "" : ": " + firstError)}; settling {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            var circuits = Settled(latency);
            var census = CircuitCensus.Take(host.Services);

            await using ITabs second = OpenTabs(host, [.. members.Select(m => m.Cookie)], path, tabsInProcess);
            var (secondRunning, secondFailed, secondError) = await second.WaitReadyAsync();
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} MEM: second batch: {secondRunning} tabs running, {secondFailed} failed{(secondError is null ? "" : ": " + secondError)}; settling {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            var secondBatch = Settled(latency);
            await second.StopAsync();
            await tabs.StopAsync();
            await first.StopAsync();
            return new MemoryResult(
                count,
                symbols.Codes.Count,
                running,
                Mb(sessions - empty, count),
                firstRunning == 1 ? Mb(firstTab - sessions, 1) : double.NaN,
                running == 0 || firstRunning != 1 ? double.NaN : Mb(circuits - firstTab, running),
                secondRunning == 0 || running == 0 ? double.NaN : Mb(secondBatch - circuits, secondRunning),
                running + firstRunning == 0 ? double.NaN : Mb(circuits - sessions, running + firstRunning),
                path,
                census);
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
        output.WriteLine("| members | stocks per feed | page | tabs running (+ first) | sessions + feed MB/member | first tab MB | circuit MB/tab | circuit MB/tab, second batch | total MB/tab | all tabs averaged MB/tab |");
        output.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(FormattableString.Invariant($"| {r.Members} | {r.Symbols} | /{r.Page} | {r.Running} | {r.SessionsMb:0.00} | {r.FirstTabMb:0.00} | {r.CircuitMb:0.00} | {r.SecondBatchMb:0.00} | {r.SessionsMb + r.SecondBatchMb:0.00} | {r.AveragedMb:0.00} |"));
        output.WriteLine();
        output.WriteLine("(circuit MB/tab: each tab after the first; second batch: each tab of a second batch of N opened after the first N, so what the first batch filled once is in both heaps: the figure that scales with tabs, and total MB/tab adds it to the sessions; first tab: one circuit plus what the first circuit of the process fills once; all tabs averaged: (heap with the first batch - heap with the sessions) / (N + 1), MEM's figure up to round 6.)");
        output.WriteLine();
        output.WriteLine(r.Census);
    }

    /// <summary>
    /// The settled heap without the bench's own latency recorder in it: the recorder (in this process, beside the host)
    /// keeps every t1-t4 value of its window, and MEM never cut it, so the values of the minute between two heaps were
    /// counted as the circuits' (≈ 0.13 MB per tab at 10 tabs in a heap dump of 19:33 UTC: 1.3 MB of double[]).
    /// </summary>
    private static long Settled(LatencyRecorder latency)
    {
        latency.Cut();
        return PhaseRunner.SettledHeap();
    }

    private static ITabs OpenTabs(BenchHost host, string[] cookies, string path, bool inProcess) => inProcess
        ? new InProcessTabs(host.Address, cookies, path)
        : GeneratorProcess.Start(host.Address, cookies, path);

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
