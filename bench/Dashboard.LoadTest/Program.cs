using System.Globalization;
using Dashboard.LoadTest.Scenarios;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;

namespace Dashboard.LoadTest;

/// <summary>
/// <c>bench S1 S2 S4 [--seconds 60] [--warmup 10] [--ramp 10,20,40,80] [--no-baseline]</c> (docs/benchmarks.md);
/// <c>chromium [--tabs 1,5]</c> measures tick-to-screen in real Chromium tabs;
/// <c>clients ...</c> is the generator process it starts itself.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "clients")
        {
            return await Generator.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == "chromium")
        {
            return await Chromium.ChromiumBench.MainAsync(args[1..]);
        }

        var options = BenchOptions.Parse(args);
        if (options.Error is { } error)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var report = await BenchRun.RunAsync(options, Console.Out);
        Console.WriteLine();
        report.Write(options, Console.Out);
        return report.Broken ? 1 : 0;
    }
}

internal sealed record BenchOptions(IReadOnlyList<string> Scenarios, TimeSpan Window, TimeSpan Warmup, IReadOnlyList<int> Ramp, bool Baseline, double TicksPerSecondPerSymbol)
{
    public const string Usage =
        "usage: bench S1|S2|S3|S4|S6|S7|MEM ... [--seconds N (window; S7: the soak, default 60)] [--warmup N (default 10)] [--ramp 10,20,40 (S4 steps)] [--no-baseline] [--tick-rate 2 (per symbol)]"
        + " [--symbols 40 (live stocks per S1/S2/S4 page; 12 = the market overview)]"
        + " [--members N (S3 25, S6 10, S7 25, MEM 10)] [--burst-seconds 10 (S3)] [--fault-rounds 1 --fault-every 0 (S6, seconds between faults)] [--faults drop,silence,8005,1700,refuse (S6)]"
        + " [--page PATH (MEM: open this page instead, e.g. 'watchlists' for the layout without live rows)]"
        + " [--real-data-timeout 120 (S6 silence)] [--stable-after 60 (S6: link up this long before each fault)] [--sample 60 (S7, seconds)]";

    public static readonly string[] Known = ["S1", "S2", "S3", "S4", "S6", "S7", "MEM"];

    public string? Error { get; init; }

    /// <summary>Members of S3/S6/S7 when given (default: QUALITY.md's 25, 10, 25).</summary>
    public int? Members { get; init; }

    /// <summary>S3's burst window (the market ×5).</summary>
    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromSeconds(10);

    public int S3Vis { get; init; } = 3;

    public int S3OrdersPerMember { get; init; } = 2;

    public int FaultRounds { get; init; } = 1;

    /// <summary>Pause between S6's faults (QUALITY.md: every 2 minutes in the soak form).</summary>
    public TimeSpan FaultEvery { get; init; } = TimeSpan.Zero;

    /// <summary>S6's faults, in this order (default: all of <see cref="FaultRun.Faults"/>).</summary>
    public IReadOnlyList<string> Faults { get; init; } = FaultRun.Faults;

    /// <summary>Live stocks on each S1/S2/S4 page: 12 is the market overview, any other count a team watchlist (QUALITY.md: 40).</summary>
    public int Symbols { get; init; } = BenchSymbols.QualityPageSize;

    /// <summary>MEM only: the page the tabs open instead of the live one (its circuit cost apart from the live rows).</summary>
    public string? Page { get; init; }

    public TimeSpan SoakSample { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The realtime client's "no REAL while subscribed" bound (S6 silence); null keeps the app's (120 s).</summary>
    public TimeSpan? RealDataTimeout { get; init; }

    /// <summary>The realtime client's "a link up this long resets the backoff" (S6 waits for it before each fault); null keeps the app's (60 s).</summary>
    public TimeSpan? StableAfter { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var scenarios = new List<string>();
        var (window, warmup, baseline, rate) = (60.0, 10.0, true, 2.0);
        var (members, burst, rounds, every, sample, stale) = ((int?)null, 10.0, 1, 0.0, 60.0, (double?)null);
        double? stableAfter = null;
        int[] ramp = [10, 20, 40, 80, 120, 160, 200];
        var symbols = BenchSymbols.QualityPageSize;
        string[] faults = FaultRun.Faults;
        string? page = null;
        var problem = new BenchArguments()
            .Value("--seconds", v => window = BenchArguments.Number(v))
            .Value("--warmup", v => warmup = BenchArguments.Number(v))
            .Value("--tick-rate", v => rate = BenchArguments.Number(v))
            .Value("--ramp", v => ramp = BenchArguments.Wholes(v))
            .Flag("--no-baseline", () => baseline = false)
            .Value("--members", v => members = BenchArguments.Whole(v))
            .Value("--burst-seconds", v => burst = BenchArguments.Number(v))
            .Value("--fault-rounds", v => rounds = BenchArguments.Whole(v))
            .Value("--fault-every", v => every = BenchArguments.Number(v))
            .Value("--faults", v => faults = v.Split(','))
            .Value("--sample", v => sample = BenchArguments.Number(v))
            .Value("--real-data-timeout", v => stale = BenchArguments.Number(v))
            .Value("--stable-after", v => stableAfter = BenchArguments.Number(v))
            .Value("--symbols", v => symbols = BenchArguments.Whole(v))
            .Value("--page", v => page = v.TrimStart('/'))
            .Read(args, arg =>
            {
                var scenario = arg.ToUpperInvariant();
                if (!Known.Contains(scenario))
                {
                    return $"unknown scenario or option '{arg}' (this harness runs {string.Join(", ", Known)}; S5 is bench/Dashboard.Benchmarks s5)";
                }

                scenarios.Add(scenario);
                return null;
            });
        if (problem is not null)
        {
            return Empty with { Error = problem };
        }

        if (scenarios.Count == 0)
        {
            return Empty with { Error = "name at least one scenario" };
        }

        if (window <= 0 || warmup < 0 || rate <= 0 || ramp.Length == 0 || ramp.Any(n => n <= 0))
        {
            return Empty with { Error = "--seconds, --tick-rate and every --ramp step must be positive, --warmup not negative" };
        }

        // Bounded runs: a fault count and member counts a small machine can take, a soak of at most a day.
        if (members is <= 0 or > 500 || burst <= 0 || rounds is <= 0 or > 100 || every < 0 || sample <= 0 || window > 86_400 || stale <= 0 || stableAfter <= 0)
        {
            return Empty with { Error = "--members 1-500, --fault-rounds 1-100, --burst-seconds, --sample, --real-data-timeout and --stable-after positive, --fault-every not negative, --seconds at most 86400" };
        }

        if (symbols is < 1 or > BenchSymbols.Most)
        {
            return Empty with { Error = $"--symbols takes 1-{BenchSymbols.Most} (12 opens the market overview, any other count a team watchlist of that many stocks)" };
        }

        if (faults.Length == 0 || faults.Any(f => !FaultRun.Faults.Contains(f)))
        {
            return Empty with { Error = $"--faults takes a comma-separated list of {string.Join(", ", FaultRun.Faults)}" };
        }

        return new BenchOptions(scenarios, TimeSpan.FromSeconds(window), TimeSpan.FromSeconds(warmup), ramp, baseline, rate)
        {
            Members = members,
            BurstWindow = TimeSpan.FromSeconds(burst),
            FaultRounds = rounds,
            FaultEvery = TimeSpan.FromSeconds(every),
            Faults = faults,
            SoakSample = TimeSpan.FromSeconds(sample),
            RealDataTimeout = stale is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            StableAfter = stableAfter is { } up ? TimeSpan.FromSeconds(up) : null,
            Symbols = symbols,
            Page = page,
        };
    }

    private static BenchOptions Empty => new([], TimeSpan.Zero, TimeSpan.Zero, [], false, 0);
}

/// <summary>Everything one bench command measured.</summary>
internal sealed class BenchReport
{
    public List<PhaseResult> Phases { get; } = [];

    public List<TeamPeakResult> TeamPeak { get; } = [];

    public List<FaultResult> Faults { get; } = [];

    public SoakResult? Soak { get; set; }

    public MemoryResult? Memory { get; set; }

    /// <summary>The stocks the S1/S2/S4 pages showed (and the page that showed them).</summary>
    public required BenchSymbols Symbols { get; init; }

    /// <summary>Whether the host ran with <c>Broker:SharedQuotes</c> (one upstream registration per symbol for the team).</summary>
    public bool SharedQuotes { get; init; }

    /// <summary>Broken plumbing (not a timing figure): a phase with no tab running or no ticks, a dropped 00/1h, a duplicate order, a fault never recovered.</summary>
    public bool Broken =>
        Phases.Any(r => r.Running == 0 || r.TicksPerSecond <= 0)
        || TeamPeak.Any(t => t.Events.FillsDropped != 0 || t.Events.ViDropped != 0)
        || Faults.Any(f => f.Duplicates != 0 || f.Recovered < f.Members)
        || Soak is { Running: 0 }
        || Memory is { Running: 0 }
        || (Memory is { } memory && (double.IsNaN(memory.FirstTabMb) || double.IsNaN(memory.SecondBatchMb)));

    public void Write(BenchOptions options, TextWriter output)
    {
        if (Phases.Count > 0)
        {
            ResultTable.Write(Phases, options, Symbols, SharedQuotes, output);
        }

        foreach (var t in TeamPeak)
        {
            output.WriteLine();
            output.WriteLine($"S3 ({(t.Burst.Naive ? "naive baseline" : "optimized")}) events during the burst: {Scenarios.TeamPeak.Describe(t.Events)}.");
        }

        if (Faults.Count > 0)
        {
            FaultRun.Write(Faults, output);
        }

        if (Soak is { } soak)
        {
            Scenarios.Soak.Write(soak, output);
        }

        if (Memory is { } memory)
        {
            MemoryBreakdown.Write(memory, output);
        }
    }
}

internal static class BenchRun
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log, bool tabsInProcess = false)
    {
        var settings = new Dictionary<string, string?>();
        if (options.RealDataTimeout is { } stale)
        {
            settings["Kiwoom:Realtime:RealDataTimeout"] = stale.ToString("c", CultureInfo.InvariantCulture);
        }

        if (options.StableAfter is { } up)
        {
            settings["Kiwoom:Realtime:StableAfter"] = up.ToString("c", CultureInfo.InvariantCulture);
        }

        // S1/S2/S4 pages show options.Symbols stocks; S3/S6/S7 open the overview, whose 12 are among them.
        var symbols = BenchSymbols.Of(options.Scenarios.Any(s => s is "S1" or "S2" or "S4" or "MEM") ? options.Symbols : MarketDefaults.Stocks.Count);
        var host = new BenchHost(options.TicksPerSecondPerSymbol, symbols.Codes, settings);
        try
        {
            host.Start();
            return await RunAsync(host, symbols, options, log, tabsInProcess);
        }
        finally
        {
            try
            {
                await host.DisposeAsync();
            }
            catch (ObjectDisposedException ex)
            {
                // The app's shutdown revokes tokens after its container is gone (issue 11, REL-10); the results stand.
                log.WriteLine($"host shutdown: {ex.Message}");
            }
        }
    }

    private static async Task<BenchReport> RunAsync(BenchHost host, BenchSymbols symbols, BenchOptions options, TextWriter log, bool tabsInProcess)
    {
        // The report prints what the tabs really opened and how quotes reached them (it once printed the overview's defaults).
        var report = new BenchReport { Symbols = symbols, SharedQuotes = host.BrokerOptions.SharedQuotes };
        using var latency = new LatencyRecorder();
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} host at {host.Address}");
        var plan = options.Scenarios.Where(s => s is "S1" or "S2" or "S4").SelectMany(s => s switch
        {
            "S1" => [(s, 1)],
            "S2" => [(s, 10)],
            _ => options.Ramp.Select(n => (s, n)),
        }).ToList();
        if (plan.Count > 0)
        {
            var cookies = await host.CreateMembersAsync(plan.Max(p => p.Item2));
            await symbols.PreparePageAsync(host);
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} S1/S2/S4 tabs open /{symbols.Page}: {symbols.Describe()}");
            var runner = new PhaseRunner(host, latency, cookies, options.Warmup, options.Window, log, tabsInProcess, symbols.Page);
            foreach (var (scenario, tabs) in plan)
            {
                foreach (var naive in options.Baseline ? new[] { false, true } : [false])
                {
                    report.Phases.Add(await runner.RunAsync(scenario, tabs, naive));
                    log.WriteLine("  " + ResultTable.Row(report.Phases[^1]));
                }
            }
        }

        if (options.Scenarios.Contains("S3"))
        {
            // Traders: S3 places orders through the order service (00 pushes) during the burst.
            var traders = await host.CreateMemberRecordsAsync(options.Members ?? 25, role: DashboardRoles.Trader);
            foreach (var naive in options.Baseline ? new[] { false, true } : [false])
            {
                var peak = await TeamPeak.RunAsync(host, latency, traders, options, naive, log, tabsInProcess);
                report.TeamPeak.Add(peak);
                report.Phases.Add(peak.Burst);
                log.WriteLine("  " + ResultTable.Row(peak.Burst));
            }
        }

        if (options.Scenarios.Contains("S6"))
        {
            var traders = await host.CreateMemberRecordsAsync(options.Members ?? 10, role: DashboardRoles.Trader);
            report.Faults.AddRange(await FaultRun.RunAsync(host, traders, options, log, tabsInProcess));
        }

        if (options.Scenarios.Contains("MEM"))
        {
            report.Memory = await MemoryBreakdown.RunAsync(host, latency, symbols, options, log, tabsInProcess);
        }

        if (options.Scenarios.Contains("S7"))
        {
            var cookies = await host.CreateMembersAsync(options.Members ?? 25);
            report.Soak = await Soak.RunAsync(host, latency, cookies, options, log, tabsInProcess);
        }

        return report;
    }
}
