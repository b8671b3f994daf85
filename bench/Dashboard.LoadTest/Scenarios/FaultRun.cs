using System.Globalization;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>One injected fault as measured across every member's session.</summary>
internal sealed record FaultResult(
    string Fault, int Round, int Members, int Recovered, Distribution Recovery, Distribution Detection, int Reconnects, double MinAttemptGapSeconds,
    string AttemptGaps, int OrdersTried, int OrdersAccepted, int OrdersAtSimulator, int QueriesTried, int QueriesOk)
{
    /// <summary>Orders the simulator took beyond those the service reported accepted: an order sent twice shows here.</summary>
    public int Duplicates => OrdersAtSimulator - OrdersAccepted;
}

/// <summary>
/// S6 faults through the simulator's own fault controls, a bounded number of rounds, with the members' tabs
/// open and orders flowing: socket drop; silence (REAL stops, PING goes on) until the staleness check
/// reconnects (after Kiwoom:Realtime:RealDataTimeout, 120 s by default); 8005 (every token expired, then the
/// socket drops, and a REST query per member); 1700/429 on every REST call for 6 s with tokens expired and the
/// socket dropped (the reconnect cannot get a token: backoff). After each fault every member places one order; during 1700 one more, which must not be resent.
/// Recovery = first tick of the watched stock at the member's session after the fault (or after it was lifted).
/// </summary>
internal static class FaultRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // The staleness check's bound is 120 s by default, checked every 30 s: wait past both.
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(200);

    public static readonly string[] Faults = ["drop", "silence", "8005", "1700"];

    public static async Task<List<FaultResult>> RunAsync(BenchHost host, IReadOnlyList<BenchMember> members, BenchOptions options, TextWriter log, bool tabsInProcess)
    {
        var probes = new List<MemberProbe>();
        var results = new List<FaultResult>();
        try
        {
            foreach (var member in members)
            {
                probes.Add(await MemberProbe.OpenAsync(host, member, ScenarioTools.WatchedCode));
            }

            var cookies = members.Select(m => m.Cookie).ToList();
            await using ITabs tabs = tabsInProcess
                ? new InProcessTabs(host.Address, cookies, PhaseRunner.Page)
                : GeneratorProcess.Start(host.Address, cookies, PhaseRunner.Page);
            var (running, failed, firstError) = await tabs.WaitReadyAsync();
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} S6: {running} tabs running, {failed} failed{(firstError is null ? "" : ": " + firstError)}; warming up {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            for (var round = 1; round <= options.FaultRounds; round++)
            {
                foreach (var fault in Faults)
                {
                    results.Add(await InjectAsync(host, probes, fault, round));
                    log.WriteLine("  " + Row(results[^1]));
                    if (options.FaultEvery > TimeSpan.Zero)
                    {
                        await Task.Delay(options.FaultEvery);
                    }
                }
            }

            return results;
        }
        finally
        {
            var control = ScenarioTools.Control(host);
            control.SetSilent(false);
            control.ForceRateLimit(false);
            foreach (var probe in probes)
            {
                await probe.DisposeAsync();
            }
        }
    }

    private static async Task<FaultResult> InjectAsync(BenchHost host, List<MemberProbe> probes, string fault, int round)
    {
        var control = ScenarioTools.Control(host);
        var atSimulatorBefore = ScenarioTools.OrdersAtSimulator(host);
        var (tried, accepted, queriesTried, queriesOk) = (0, 0, 0, 0);
        var detection = new List<double>();
        var injected = DateTimeOffset.UtcNow;
        var recoveredFrom = injected;
        switch (fault)
        {
            case "drop":
                control.DropSockets();
                break;
            case "silence":
                control.SetSilent(true);
                await ScenarioTools.UntilAsync(() => probes.All(p => Reconnected(p, injected) is not null), SilenceLimit);
                detection.AddRange(probes.Select(p => Reconnected(p, injected)).OfType<DateTimeOffset>().Select(t => (t - injected).TotalMilliseconds));
                control.SetSilent(false);
                recoveredFrom = DateTimeOffset.UtcNow;
                break;
            case "8005":
                control.ExpireTokens();
                control.DropSockets();

                // REST too: one query per member must succeed after the client's own single refresh.
                var answers = await Task.WhenAll(probes.Select(p => p.Session.Market.GetQuotesAsync([ScenarioTools.WatchedCode])));
                (queriesTried, queriesOk) = (answers.Length, answers.Count(a => a.IsSuccess));
                break;
            case "1700":
                // Tokens expired too, so the reconnect must fetch one and is refused: the backoff shows.
                control.ForceRateLimit(true);
                control.ExpireTokens();
                control.DropSockets();

                // An order while every call is refused: it must end refused or unknown, and never be sent again by itself.
                var refused = await Task.WhenAll(probes.Select(p => ScenarioTools.PlaceAsync(host, p.Member)));
                (tried, accepted) = (refused.Length, refused.Count(r => r.Outcome == OrderOutcome.Accepted));
                await Task.Delay(TimeSpan.FromSeconds(6));
                control.ForceRateLimit(false);
                recoveredFrom = DateTimeOffset.UtcNow;
                break;
        }

        await ScenarioTools.UntilAsync(() => probes.All(p => p.FirstTradeAfter(recoveredFrom) is not null), Limit);
        var recovery = probes.Select(p => p.FirstTradeAfter(recoveredFrom)).OfType<DateTimeOffset>().Select(t => (t - recoveredFrom).TotalMilliseconds).ToList();

        // Orders flow again once the link is back: one per member.
        var placed = await Task.WhenAll(probes.Select(p => ScenarioTools.PlaceAsync(host, p.Member)));
        tried += placed.Length;
        accepted += placed.Count(r => r.Outcome == OrderOutcome.Accepted);

        var attempts = probes.Select(p => p.States.Where(s => s.State == BrokerLinkState.Reconnecting && s.At >= injected).Select(s => s.At).Order().ToList()).ToList();
        var gaps = attempts.SelectMany(a => a.Zip(a.Skip(1), (x, y) => (y - x).TotalSeconds)).ToList();
        return new FaultResult(
            fault, round, probes.Count, recovery.Count, Distribution.Of(recovery), Distribution.Of(detection), attempts.Sum(a => a.Count),
            gaps.Count == 0 ? double.NaN : gaps.Min(), Shape(gaps), tried, accepted, ScenarioTools.OrdersAtSimulator(host) - atSimulatorBefore, queriesTried, queriesOk);
    }

    private static DateTimeOffset? Reconnected(MemberProbe probe, DateTimeOffset since) =>
        probe.States.Where(s => s.State == BrokerLinkState.Reconnecting && s.At >= since).Select(s => s.At).Cast<DateTimeOffset?>().FirstOrDefault();

    // The distinct gaps between one member's attempts, rounded: the backoff's shape (e.g. 1, 2, 4 s).
    private static string Shape(List<double> gaps) => gaps.Count == 0
        ? "–"
        : string.Join(", ", gaps.Select(g => Math.Round(g, 1)).Distinct().Order().Select(g => g.ToString("0.0", CultureInfo.InvariantCulture))) + " s";

    public static void Write(IReadOnlyList<FaultResult> results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("S6 faults (recovery = first tick of the watched stock at each member's session after the fault, or after it was lifted; detection = silence to the staleness check's reconnect):");
        output.WriteLine();
        output.WriteLine("| fault | round | recovered | recovery p50 / p95 / max ms | detection p50 / p95 ms | reconnects | min gap between attempts | attempt gaps | queries ok | orders accepted/tried | at simulator | duplicates |");
        output.WriteLine("|---|---:|---|---|---|---:|---:|---|---|---|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(Row(r));
        }
    }

    public static string Row(FaultResult r) => string.Join(" | ",
        "| " + r.Fault, r.Round, $"{r.Recovered}/{r.Members}",
        r.Recovery.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.Recovery.P50:0} / {r.Recovery.P95:0} / {r.Recovery.Max:0}"),
        r.Detection.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.Detection.P50:0} / {r.Detection.P95:0}"),
        r.Reconnects, double.IsNaN(r.MinAttemptGapSeconds) ? "–" : r.MinAttemptGapSeconds.ToString("0.0 s", CultureInfo.InvariantCulture), r.AttemptGaps,
        r.QueriesTried == 0 ? "–" : $"{r.QueriesOk}/{r.QueriesTried}", $"{r.OrdersAccepted}/{r.OrdersTried}", r.OrdersAtSimulator, r.Duplicates + " |");
}
