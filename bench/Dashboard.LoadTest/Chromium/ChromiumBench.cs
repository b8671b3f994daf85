using System.Diagnostics;
using System.Globalization;
using Dashboard.Web.Broker;
using Microsoft.Playwright;

namespace Dashboard.LoadTest.Chromium;

/// <summary><c>chromium [--tabs 1,5] [--seconds 30] [--warmup 5] [--tick-rate 2] [--symbols 40] [--no-baseline]</c>.</summary>
internal sealed record ChromiumOptions(IReadOnlyList<int> Tabs, TimeSpan Window, TimeSpan Warmup, double TickRate, bool Baseline)
{
    public const string Usage = "usage: chromium [--tabs 1,5] [--seconds 30 (window)] [--warmup 5] [--tick-rate 2 (per symbol)] [--symbols 40 (a team watchlist; 12 = the market overview)] [--shots DIR] [--no-baseline]";

    /// <summary>Live stocks on each tab's page: 12 is the market overview, any other count a team watchlist (QUALITY.md S2: 40).</summary>
    public int Symbols { get; init; } = BenchSymbols.QualityPageSize;

    /// <summary>When set, the first tab's page is saved there at 1366x900 and 390x844 after each optimized window (to look at).</summary>
    public string? Shots { get; init; }

    public string? Error { get; init; }

    public static ChromiumOptions Parse(IReadOnlyList<string> args)
    {
        int[] tabs = [1, 5];
        var (window, warmup, rate, baseline) = (30.0, 5.0, 2.0, true);
        var symbols = BenchSymbols.QualityPageSize;
        string? shots = null;
        var problem = new BenchArguments()
            .Value("--tabs", v => tabs = BenchArguments.Wholes(v))
            .Value("--seconds", v => window = BenchArguments.Number(v))
            .Value("--warmup", v => warmup = BenchArguments.Number(v))
            .Value("--tick-rate", v => rate = BenchArguments.Number(v))
            .Value("--symbols", v => symbols = BenchArguments.Whole(v))
            .Value("--shots", v => shots = v)
            .Flag("--no-baseline", () => baseline = false)
            .Read(args, arg => $"unknown option '{arg}'");
        if (problem is not null)
        {
            return Empty with { Error = problem };
        }

        // More than a few real tabs saturate two cores with Chromium itself (issue 13): headless circuits measure beyond.
        if (tabs.Length == 0 || tabs.Any(n => n is <= 0 or > 10) || window <= 0 || warmup < 0 || rate <= 0)
        {
            return Empty with { Error = "--tabs must be 1-10 each (Chromium saturates a small machine beyond); --seconds and --tick-rate positive, --warmup not negative" };
        }

        if (symbols is < 1 or > BenchSymbols.Most)
        {
            return Empty with { Error = $"--symbols takes 1-{BenchSymbols.Most} (12 opens the market overview, any other count a team watchlist of that many stocks)" };
        }

        return new ChromiumOptions(tabs, TimeSpan.FromSeconds(window), TimeSpan.FromSeconds(warmup), rate, baseline) { Symbols = symbols, Shots = shots };
    }

    private static ChromiumOptions Empty => new([], TimeSpan.Zero, TimeSpan.Zero, 0, false);
}

/// <summary>One measured phase in real Chromium tabs.</summary>
internal sealed record ScreenResult(
    int Tabs, bool Naive, int Running, Distribution Dom, Distribution Frame, Distribution ServerEmitToBatch,
    double TicksPerSecond, double ServerCpuPercent, string LoadAverage);

/// <summary>
/// Tick-to-screen (QUALITY.md L1) in real headless Chromium tabs: the dashboard with its embedded simulator in
/// measurement mode (fixed tick rate, emit times on frames and in the overview's price cells), N members each
/// signed in through the login form in a browser context of their own, the market overview open, and the
/// in-page observer (<see cref="ScreenObserver"/>) timing every price-cell change against the tick's emit time.
/// </summary>
internal static class ChromiumBench
{
    public static async Task<int> MainAsync(IReadOnlyList<string> args)
    {
        var options = ChromiumOptions.Parse(args);
        if (options.Error is { } error)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(ChromiumOptions.Usage);
            return 2;
        }

        var results = await RunAsync(options, Console.Out);
        Console.WriteLine();
        Write(results, options, Console.Out);
        return results.Any(r => r.Running < r.Tabs || r.Dom.Count == 0) ? 1 : 0;
    }

    public static async Task<List<ScreenResult>> RunAsync(ChromiumOptions options, TextWriter log)
    {
        var symbols = BenchSymbols.Of(options.Symbols);
        var host = new BenchHost(options.TickRate, symbols.Codes, new Dictionary<string, string?>
        {
            ["Broker:EmitTimesInMarkupForBenchmark"] = "true",
            ["Logging:LogLevel:Dashboard.Kiwoom.Rest"] = "Error",
        });
        try
        {
            host.Start();
            var password = "bench tab " + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            var members = await host.CreateMemberRecordsAsync(options.Tabs.Max(), password);
            await symbols.PreparePageAsync(host);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--ignore-certificate-errors"],
            });
            log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} host at {host.Address}; signing {members.Count} member(s) in through the login form");
            var contexts = new List<IBrowserContext>();
            foreach (var member in members)
            {
                contexts.Add(await SignInAsync(browser, host.Address, member.Email, password));
            }

            using var latency = new LatencyRecorder();
            var results = new List<ScreenResult>();
            foreach (var tabs in options.Tabs)
            {
                foreach (var naive in options.Baseline ? new[] { false, true } : [false])
                {
                    results.Add(await PhaseAsync(host, latency, contexts.Take(tabs).ToList(), naive, options, symbols.Page, log));
                    log.WriteLine("  " + Row(results[^1]));
                }
            }

            return results;
        }
        finally
        {
            try
            {
                await host.DisposeAsync();
            }
            catch (ObjectDisposedException ex)
            {
                log.WriteLine($"host shutdown: {ex.Message}");
            }
        }
    }

    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, Uri address, string email, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.FillAsync("[id='Input.Email']", email);
        await page.FillAsync("[id='Input.Password']", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new PageWaitForURLOptions { Timeout = 60_000 });
        await page.CloseAsync();
        return context;
    }

    private static async Task<ScreenResult> PhaseAsync(BenchHost host, LatencyRecorder latency, List<IBrowserContext> contexts, bool naive, ChromiumOptions options, string path, TextWriter log)
    {
        host.BrokerOptions.NaiveRenderingForBenchmark = naive;

        // Bounded: sessions close one grace period (1 s here) after their last circuit.
        for (var k = 0; k < 60 && host.Registry.Count > 0; k++)
        {
            await Task.Delay(500);
        }

        log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {contexts.Count} Chromium tab(s), {(naive ? "naive baseline" : "optimized")}: opening /{path}");
        var pages = new List<IPage>();
        try
        {
            foreach (var context in contexts)
            {
                var page = await context.NewPageAsync();
                pages.Add(page);
                await page.GotoAsync(path);
                await ScreenObserver.InstallAsync(page);
                await WaitForLiveRowsAsync(page);
            }

            await Task.Delay(options.Warmup);
            foreach (var page in pages)
            {
                await ScreenObserver.ResetAsync(page);
            }

            latency.Cut();
            var self = Process.GetCurrentProcess();
            self.Refresh();
            var (ticks, cpu) = (host.Metrics.Ticks, self.TotalProcessorTime);
            var wall = Stopwatch.StartNew();
            await Task.Delay(options.Window);
            var server = latency.Cut();
            self.Refresh();
            var seconds = wall.Elapsed.TotalSeconds;
            var (ticksIn, cpuUsed) = (host.Metrics.Ticks - ticks, self.TotalProcessorTime - cpu);
            var (dom, frame) = (new List<double>(), new List<double>());
            foreach (var page in pages)
            {
                var samples = await ScreenObserver.CollectAsync(page);
                dom.AddRange(samples.Dom);
                frame.AddRange(samples.Frame);
            }

            if (options.Shots is { } folder && !naive)
            {
                await ShootAsync(pages[0], folder, contexts.Count);
            }

            return new ScreenResult(
                contexts.Count, naive, pages.Count, Distribution.Of(dom), Distribution.Of(frame), server[BrokerMetrics.EmitToRenderSent],
                ticksIn / seconds, cpuUsed.TotalMilliseconds / (seconds * 1000 * Environment.ProcessorCount) * 100, LoadAverage());
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.CloseAsync();
            }
        }
    }

    private static async Task ShootAsync(IPage page, string folder, int tabs)
    {
        Directory.CreateDirectory(folder);
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);

            // The layout's drawer slides closed (or open) when the width crosses its breakpoint: shot at once, the page
            // was caught mid-slide, pushed right by a half-closed drawer.
            await page.WaitForTimeoutAsync(800);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"live-page-{tabs}tabs-{width}.png"), FullPage = false });
        }

        // No sideways scroll of the page at phone width (common brief): said in the log rather than assumed.
        var wide = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Console.WriteLine($"screenshots in {folder}; sideways scroll at 390 px: {(wide ? "YES" : "no")}");
        await page.SetViewportSizeAsync(1366, 900);
    }

    private static async Task WaitForLiveRowsAsync(IPage page)
    {
        try
        {
            // The overview's and the watchlist's price cells both carry it.
            await page.WaitForSelectorAsync("td[data-emit]", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            var shot = Path.Combine(Path.GetTempPath(), $"tick-to-screen-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new InvalidOperationException($"No live price cell with an emit time appeared within 60 s at {page.Url} (screenshot {shot}).");
        }
    }

    public static void Write(IReadOnlyList<ScreenResult> results, ChromiumOptions options, TextWriter output)
    {
        output.WriteLine($"Tick-to-screen in headless Chromium (/usr/bin/chromium): {(options.Symbols == MarketDefaults.Stocks.Count ? "the market overview's" : "a team watchlist's")} {options.Symbols} stocks at {options.TickRate.ToString(CultureInfo.InvariantCulture)} ticks/s each (fixed-rate simulator); window {options.Window.TotalSeconds:0} s after {options.Warmup.TotalSeconds:0} s warm-up; {Environment.ProcessorCount} cores.");
        output.WriteLine("Latency in ms (p50 / p99 / max) from the simulator's emit time: to the price cell's DOM change (MutationObserver), to the next animation frame after it, and the server's share (emit → render batch sent, t4). Simulator, server and browser run on this one machine and read the same wall clock; no cross-machine skew is involved.");
        output.WriteLine("Server CPU: the bench process (dashboard + embedded simulator), % of all cores; Chromium's own CPU is not in it (see the load average).");
        output.WriteLine();
        output.WriteLine("| tabs | mode | tabs running | samples | tick→DOM | tick→next frame | server emit→t4 | ticks in/s | server CPU % | load average |");
        output.WriteLine("|---:|---|---:|---:|---|---|---|---:|---:|---|");
        foreach (var r in results)
        {
            output.WriteLine(Row(r));
        }
    }

    private static string Row(ScreenResult r) => string.Join(" | ",
        "| " + r.Tabs, r.Naive ? "naive baseline" : "optimized", r.Running, r.Dom.Count, Full(r.Dom), Full(r.Frame), Full(r.ServerEmitToBatch),
        r.TicksPerSecond.ToString("0", CultureInfo.InvariantCulture), r.ServerCpuPercent.ToString("0.0", CultureInfo.InvariantCulture), r.LoadAverage + " |");

    private static string Full(Distribution d) => d.Count == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{d.P50:0.0} / {d.P99:0.0} / {d.Max:0}");

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
