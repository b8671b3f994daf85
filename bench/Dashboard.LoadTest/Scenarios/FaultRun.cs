using System.Globalization;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Dashboard.Web.Orders;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>One injected fault as measured across every member's session.</summary>
internal sealed record FaultResult(
    string Fault, int Round, int Members, int Recovered, Distribution Recovery, Distribution Detection, int Reconnects, double MinAttemptGapSeconds,
    string AttemptGaps, int OrdersTried, int OrdersAccepted, int OrdersAtSimulator, int QueriesTried, int QueriesOk)
{
    /// <summary>For "flap": per reconnect of a member (1st, 2nd, ...), the wait from "reconnecting" to "connected" across members, p50 / max s.</summary>
    public string BackoffByAttempt { get; init; } = "–";

    /// <summary>Orders the simulator took beyond those the service reported accepted: an order sent twice shows here.</summary>
    public int Duplicates => OrdersAtSimulator - OrdersAccepted;
}

/// <summary>
/// S6 faults through the simulator's own fault controls, a bounded number of rounds, with the members' tabs
/// open and orders flowing: socket drop; silence (REAL stops, PING goes on) until the staleness check
/// reconnects (after Kiwoom:Realtime:RealDataTimeout, 120 s by default); 8005 (every token expired, then the
/// socket drops, and a REST query per member); 1700/429 on every REST call for 6 s with tokens expired and the
/// socket dropped (the reconnect cannot get a token: backoff); flap (every socket dropped again as soon as every member
/// is back, <see cref="Flaps"/> times: links that never stay up make each reconnect wait longer, which shows the
/// backoff's shape). After each fault every member places one order; during 1700 one more, which must not be resent.
/// Recovery = time from the fault (or its lift) to the first tick of the watched stock the member's session received
/// after it noticed the loss (drop, 8005, flap) or after the lift (silence, 1700).
/// </summary>
internal static class FaultRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // The staleness check's bound is 120 s by default, checked every 30 s: wait past both.
    private static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(200);

    public static readonly string[] Faults = ["drop", "silence", "8005", "1700", "flap"];

    /// <summary>Drops in a row of the "flap" fault: enough for the backoff's ceiling to double four times, bounded.</summary>
    public const int Flaps = 5;

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
            var stableAfter = host.Services.GetRequiredService<IOptions<RealtimeClientOptions>>().Value.StableAfter;
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} S6: {running} tabs running, {failed} failed{(firstError is null ? "" : ": " + firstError)}; warming up {options.Warmup.TotalSeconds:0} s");
            await Task.Delay(options.Warmup);
            for (var round = 1; round <= options.FaultRounds; round++)
            {
                foreach (var fault in options.Faults)
                {
                    // Each fault starts from a link up for StableAfter: the realtime client keeps growing its backoff
                    // across drops of links that did not stay up that long (flapping protection), so a fault injected
                    // seconds after the previous one's reconnect waits U(0, 2ⁿ s) before its first attempt. That, not
                    // the token re-issue, was most of the 6.5 s "8005" p95 of the back-to-back run (see benchmarks.md).
                    var stable = await ScenarioTools.UntilAsync(() => probes.All(p => p.UpFor(DateTimeOffset.UtcNow) >= stableAfter), stableAfter + Limit);
                    log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} S6 {fault}: {(stable ? "every link up" : "NOT every link up")} for {stableAfter.TotalSeconds:0} s (Kiwoom:Realtime:StableAfter)");
                    results.Add(await InjectAsync(host, probes, fault, round, log));
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

    private static async Task<FaultResult> InjectAsync(BenchHost host, List<MemberProbe> probes, string fault, int round, TextWriter log)
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
            case "flap":
                for (var k = 0; k < Flaps; k++)
                {
                    recoveredFrom = DateTimeOffset.UtcNow;
                    control.DropSockets();
                    await ScenarioTools.UntilAsync(() => probes.All(p => ConnectedAgain(p, recoveredFrom)), Limit);
                }

                break;
        }

        // A socket fault: the first trade after the session noticed it (a trade already in flight when the socket was cut
        // arrives after the fault but before the loss and proves nothing). A lifted fault: the first trade after the lift.
        var afterLoss = fault is "drop" or "8005" or "flap";
        DateTimeOffset? FirstTrade(MemberProbe p) => p.FirstTradeAfter(afterLoss ? LostAt(p, recoveredFrom) ?? DateTimeOffset.MaxValue : recoveredFrom);
        await ScenarioTools.UntilAsync(() => probes.All(p => FirstTrade(p) is not null), Limit);
        log.WriteLine($"  {fault} timeline of {probes[0].Member.Email} (ms after the fault): {Timeline(probes[0], injected, recoveredFrom)}");
        var recovery = probes.Select(FirstTrade).OfType<DateTimeOffset>().Select(t => (t - recoveredFrom).TotalMilliseconds).ToList();

        // Orders flow again once the link is back: one per member.
        var placed = await Task.WhenAll(probes.Select(p => ScenarioTools.PlaceAsync(host, p.Member)));
        tried += placed.Length;
        accepted += placed.Count(r => r.Outcome == OrderOutcome.Accepted);

        var attempts = probes.Select(p => p.States.Where(s => s.State == BrokerLinkState.Reconnecting && s.At >= injected).Select(s => s.At).Order().ToList()).ToList();
        var gaps = attempts.SelectMany(a => a.Zip(a.Skip(1), (x, y) => (y - x).TotalSeconds)).ToList();
        return new FaultResult(
            fault, round, probes.Count, recovery.Count, Distribution.Of(recovery), Distribution.Of(detection), attempts.Sum(a => a.Count),
            gaps.Count == 0 ? double.NaN : gaps.Min(), Shape(gaps), tried, accepted, ScenarioTools.OrdersAtSimulator(host) - atSimulatorBefore, queriesTried, queriesOk)
        {
            BackoffByAttempt = fault == "flap" ? WaitsByAttempt(probes, injected) : "–",
        };
    }

    private static DateTimeOffset? LostAt(MemberProbe probe, DateTimeOffset since) =>
        probe.States.Where(s => s.State == BrokerLinkState.Reconnecting && s.At >= since).Select(s => s.At).Cast<DateTimeOffset?>().FirstOrDefault();

    private static bool ConnectedAgain(MemberProbe probe, DateTimeOffset since) =>
        LostAt(probe, since) is { } at && probe.States.Any(s => s.State == BrokerLinkState.Connected && s.At >= at);

    /// <summary>Each member's n-th "reconnecting" → next "connected" wait (the backoff delay plus the reconnect), p50 / max over members per n.</summary>
    private static string WaitsByAttempt(List<MemberProbe> probes, DateTimeOffset since)
    {
        var waits = probes.Select(p =>
        {
            var states = p.States.Where(s => s.At >= since).OrderBy(s => s.At).ToList();
            var list = new List<double>();
            for (var k = 0; k < states.Count; k++)
            {
                if (states[k].State == BrokerLinkState.Reconnecting && (k == 0 || states[k - 1].State != BrokerLinkState.Reconnecting))
                {
                    var back = states.Skip(k + 1).FirstOrDefault(s => s.State == BrokerLinkState.Connected);
                    if (back != default)
                    {
                        list.Add((back.At - states[k].At).TotalSeconds);
                    }
                }
            }

            return list;
        }).ToList();
        var most = waits.Max(w => w.Count);
        return string.Join("; ", Enumerable.Range(0, most).Select(n =>
        {
            var nth = waits.Where(w => w.Count > n).Select(w => w[n]).Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"#{n + 1} {nth[nth.Count / 2]:0.0}/{nth[^1]:0.0}");
        })) + " s";
    }

    /// <summary>One member's link states and first trade around a fault, in ms after it: where the recovery time went.</summary>
    private static string Timeline(MemberProbe probe, DateTimeOffset injected, DateTimeOffset recoveredFrom)
    {
        var events = probe.States.Where(s => s.At >= injected).Select(s => (s.At, Text: s.State + (s.Code is null ? "" : " " + s.Code))).ToList();
        if (probe.FirstTradeAfter(recoveredFrom) is { } first)
        {
            events.Add((first, "first trade"));
        }

        return string.Join(", ", events.OrderBy(e => e.At).Select(e => string.Create(CultureInfo.InvariantCulture, $"{(e.At - injected).TotalMilliseconds:0} {e.Text}")));
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
        output.WriteLine("S6 faults (recovery = fault, or its lift, to the first tick of the watched stock a member's session received after it noticed the loss or after the lift; detection = silence to the staleness check's reconnect; wait per reconnect = n-th \"reconnecting\" to \"connected\" of one member, p50/max over members):");
        output.WriteLine();
        output.WriteLine("| fault | round | recovered | recovery p50 / p95 / max ms | detection p50 / p95 ms | reconnects | min gap between attempts | attempt gaps | wait per reconnect p50/max | queries ok | orders accepted/tried | at simulator | duplicates |");
        output.WriteLine("|---|---:|---|---|---|---:|---:|---|---|---|---|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(Row(r));
        }
    }

    public static string Row(FaultResult r) => string.Join(" | ",
        "| " + r.Fault, r.Round, $"{r.Recovered}/{r.Members}",
        r.Recovery.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.Recovery.P50:0} / {r.Recovery.P95:0} / {r.Recovery.Max:0}"),
        r.Detection.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.Detection.P50:0} / {r.Detection.P95:0}"),
        r.Reconnects, double.IsNaN(r.MinAttemptGapSeconds) ? "–" : r.MinAttemptGapSeconds.ToString("0.0 s", CultureInfo.InvariantCulture), r.AttemptGaps, r.BackoffByAttempt,
        r.QueriesTried == 0 ? "–" : $"{r.QueriesOk}/{r.QueriesTried}", $"{r.OrdersAccepted}/{r.OrdersTried}", r.OrdersAtSimulator, r.Duplicates + " |");
}
