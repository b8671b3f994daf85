using System.Globalization;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>How many fills (00) and VI events (1h) a scenario expected at its members' sessions and how many arrived.</summary>
internal sealed record EventDelivery(int OrdersAccepted, int OrdersTried, int FillsExpected, int FillsDelivered, int FillsOutOfOrder, int ViExpected, int ViDelivered, double ViP99Ms)
{
    /// <summary>Orders not accepted, by outcome and reason codes (e.g. "Rejected throttle×3").</summary>
    public string OtherOutcomes { get; init; } = "";

    public int FillsDropped => FillsExpected - FillsDelivered;

    public int ViDropped => ViExpected - ViDelivered;
}

/// <summary>S3 as run: the burst window's phase (optimized, then the naive baseline) and what reached the sessions.</summary>
internal sealed record TeamPeakResult(PhaseResult Burst, EventDelivery Events);

/// <summary>
/// S3 team peak: <c>members</c> members with two tabs each on the market overview; after the warm-up the
/// window is an open-auction burst (the fixed-rate market ×5 for the window, 10 s by default) during which
/// every member places orders (00 pushes) and VIs fire on several stocks (1h pushes). Reported: the burst
/// window's latencies and unacknowledged batches, and drops of 00/1h at every member's session (must be 0).
/// </summary>
internal static class TeamPeak
{
    public const int BurstFactor = 5;

    public static async Task<TeamPeakResult> RunAsync(BenchHost host, LatencyRecorder latency, IReadOnlyList<BenchMember> members, BenchOptions options, bool naive, TextWriter log, bool tabsInProcess)
    {
        var probes = new List<MemberProbe>();
        var vis = ViCodes(host, options.S3Vis);
        var accepted = new List<(MemberProbe Probe, string OrderNumber)>();
        var tried = 0;
        var others = new List<string>();
        try
        {
            var tabs = members.SelectMany(m => new[] { m.Cookie, m.Cookie }).ToList();
            var runner = new PhaseRunner(host, latency, tabs, options.Warmup, options.BurstWindow, log, tabsInProcess);
            var burstStarted = DateTimeOffset.MinValue;
            var burst = await runner.RunAsync("S3 burst", tabs.Count, naive, async window =>
            {
                // The probes join the sessions the tabs opened (a lease each, 00 and 1h feeds) as the burst begins.
                foreach (var member in members)
                {
                    probes.Add(await MemberProbe.OpenAsync(host, member, ScenarioTools.WatchedCode));
                }

                burstStarted = DateTimeOffset.UtcNow;
                var market = ScenarioTools.BurstAsync(host, BurstFactor, window, TimeSpan.FromMilliseconds(100));
                await Task.Delay(window / 5);
                foreach (var code in vis)
                {
                    ScenarioTools.Control(host).TriggerVi(code);
                }

                var placed = await Task.WhenAll(probes.SelectMany(p => Enumerable.Range(0, options.S3OrdersPerMember).Select(async _ => (p, await ScenarioTools.PlaceAsync(host, p.Member)))));
                tried += placed.Length;
                others.AddRange(placed.Where(x => x.Item2.Outcome != OrderOutcome.Accepted).Select(x => (x.Item2.Outcome + " " + x.Item2.Reasons).Trim()));
                accepted.AddRange(placed.Where(x => x.Item2.Outcome == OrderOutcome.Accepted && x.Item2.OrderNumber is not null).Select(x => (x.p, x.Item2.OrderNumber!)));
                await market;
            });

            // Lossless feeds deliver late rather than never: wait (bounded) for the stragglers before counting.
            await ScenarioTools.UntilAsync(() => Count(probes, accepted, vis, burstStarted).Delivered, TimeSpan.FromSeconds(15));
            var events = Count(probes, accepted, vis, burstStarted).Events with
            {
                OrdersTried = tried,
                OtherOutcomes = string.Join(", ", others.GroupBy(o => o).Select(g => $"{g.Key}×{g.Count()}")),
            };
            log.WriteLine($"  S3 events: {Describe(events)}");
            return new TeamPeakResult(burst, events);
        }
        finally
        {
            foreach (var probe in probes)
            {
                await probe.DisposeAsync();
            }
        }
    }

    public static string Describe(EventDelivery e) => string.Create(CultureInfo.InvariantCulture,
        $"orders accepted {e.OrdersAccepted}/{e.OrdersTried}{(e.OtherOutcomes.Length == 0 ? "" : " (others: " + e.OtherOutcomes + ")")}; 00 delivered {e.FillsDelivered}/{e.FillsExpected} (dropped {e.FillsDropped}, out of order {e.FillsOutOfOrder}); 1h delivered {e.ViDelivered}/{e.ViExpected} (dropped {e.ViDropped}, trigger→session p99 {e.ViP99Ms:0} ms)");

    private static (bool Delivered, EventDelivery Events) Count(List<MemberProbe> probes, List<(MemberProbe Probe, string OrderNumber)> accepted, IReadOnlyList<string> vis, DateTimeOffset since)
    {
        var fills = accepted.Count(a => a.Probe.Executions.Any(e => e.OrderNumber == a.OrderNumber));

        // In order: a member's pushes for one order never show a fill before its acceptance (접수).
        var outOfOrder = accepted.Count(a =>
        {
            var statuses = a.Probe.Executions.Where(e => e.OrderNumber == a.OrderNumber).Select(e => e.Status).ToList();
            var firstFill = statuses.IndexOf("체결");
            return firstFill >= 0 && statuses.IndexOf("접수") > firstFill;
        });
        var viTimes = probes.SelectMany(p => vis.Select(code => p.Vis.Where(v => v.Code == code && v.Kind == ViEventKind.Triggered && v.At >= since).Select(v => (v.At - since).TotalMilliseconds).Cast<double?>().FirstOrDefault()))
            .ToList();
        var viDelivered = viTimes.Count(t => t is not null);
        var events = new EventDelivery(accepted.Count, 0, accepted.Count, fills, outOfOrder, probes.Count * vis.Count, viDelivered,
            ScenarioTools.Percentile(viTimes.Where(t => t is not null).Select(t => t!.Value), 0.99));
        return (fills == accepted.Count && viDelivered == probes.Count * vis.Count, events);
    }

    /// <summary>Stocks outside the overview's list (their VI halts do not change the measured tick rate), in a fixed order.</summary>
    private static List<string> ViCodes(BenchHost host, int count) =>
        [.. ScenarioTools.Control(host).Market.Read(u => u.ByCode.Keys.Where(c => c.Length == 6 && c.All(char.IsAsciiDigit) && !MarketDefaults.Stocks.Contains(c)).OrderDescending(StringComparer.Ordinal).Take(count).ToList())];
}
