using System.Globalization;
using Dashboard.Web.Broker;

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

        var results = await BenchRun.RunAsync(options, Console.Out);
        Console.WriteLine();
        ResultTable.Write(results, options, Console.Out);
        return results.Any(r => r.Running == 0 || r.TicksPerSecond <= 0) ? 1 : 0;
    }
}

internal sealed record BenchOptions(IReadOnlyList<string> Scenarios, TimeSpan Window, TimeSpan Warmup, IReadOnlyList<int> Ramp, bool Baseline, double TicksPerSecondPerSymbol)
{
    public const string Usage =
        "usage: bench S1|S2|S4 ... [--seconds N (window, default 60)] [--warmup N (default 10)] [--ramp 10,20,40 (S4 steps)] [--no-baseline] [--tick-rate 2 (per symbol)]";

    public static readonly string[] Known = ["S1", "S2", "S4"];

    public string? Error { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var scenarios = new List<string>();
        var (window, warmup, baseline, rate) = (60.0, 10.0, true, 2.0);
        int[] ramp = [10, 20, 40, 80, 120, 160, 200];
        for (var k = 0; k < args.Length; k++)
        {
            var arg = args[k];
            string Next() => k + 1 < args.Length ? args[++k] : throw new FormatException($"{arg} needs a value");
            try
            {
                switch (arg)
                {
                    case "--seconds": window = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--warmup": warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--tick-rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--ramp": ramp = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                    case "--no-baseline": baseline = false; break;
                    default:
                        var scenario = arg.ToUpperInvariant();
                        if (!Known.Contains(scenario))
                        {
                            return Empty with { Error = $"unknown scenario or option '{arg}' (this harness runs {string.Join(", ", Known)}; S3, S5-S7 are not built yet)" };
                        }

                        scenarios.Add(scenario);
                        break;
                }
            }
            catch (FormatException ex)
            {
                return Empty with { Error = $"bad value: {ex.Message}" };
            }
        }

        if (scenarios.Count == 0)
        {
            return Empty with { Error = "name at least one scenario" };
        }

        if (window <= 0 || warmup < 0 || rate <= 0 || ramp.Length == 0 || ramp.Any(n => n <= 0))
        {
            return Empty with { Error = "--seconds, --tick-rate and every --ramp step must be positive, --warmup not negative" };
        }

        return new BenchOptions(scenarios, TimeSpan.FromSeconds(window), TimeSpan.FromSeconds(warmup), ramp, baseline, rate);
    }

    private static BenchOptions Empty => new([], TimeSpan.Zero, TimeSpan.Zero, [], false, 0);
}

internal static class BenchRun
{
    public static async Task<List<PhaseResult>> RunAsync(BenchOptions options, TextWriter log, bool tabsInProcess = false)
    {
        var plan = options.Scenarios.SelectMany(s => s switch
        {
            "S1" => [(s, 1)],
            "S2" => [(s, 10)],
            _ => options.Ramp.Select(n => (s, n)),
        }).ToList();
        var host = new BenchHost(options.TicksPerSecondPerSymbol, MarketDefaults.Stocks);
        try
        {
            return await RunAsync(host, plan, options, log, tabsInProcess);
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

    private static async Task<List<PhaseResult>> RunAsync(BenchHost host, List<(string, int)> plan, BenchOptions options, TextWriter log, bool tabsInProcess)
    {
        host.Start();
        using var latency = new LatencyRecorder();
        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} host at {host.Address}; creating {plan.Max(p => p.Item2)} members");
        var cookies = await host.CreateMembersAsync(plan.Max(p => p.Item2));
        var runner = new PhaseRunner(host, latency, cookies, options.Warmup, options.Window, log, tabsInProcess);
        var results = new List<PhaseResult>();
        foreach (var (scenario, tabs) in plan)
        {
            results.Add(await runner.RunAsync(scenario, tabs, naive: false));
            log.WriteLine("  " + ResultTable.Row(results[^1]));
            if (options.Baseline)
            {
                results.Add(await runner.RunAsync(scenario, tabs, naive: true));
                log.WriteLine("  " + ResultTable.Row(results[^1]));
            }
        }

        return results;
    }
}
