using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Dashboard.Kiwoom.Market;
using Dashboard.Kiwoom.Simulator;
using AccountBook = Dashboard.Kiwoom.Simulator.Accounts.AccountBook;
using Dashboard.Kiwoom.Simulator.Control;
using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Hosting;
using Dashboard.Web.Orders;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Benchmarks.Orders;

/// <summary>
/// QUALITY.md S5: N members × R orders/s for T seconds through the real order service, real audit and the
/// embedded simulator on loopback. Prints server-side overhead (checks + audit commits, broker time taken
/// out), intent→audit commit (everything before the order TR leaves), intent→broker ack, duplicates at the
/// simulator and SQLite errors, beside a naive audit writer (new DbContext per order, no single writer,
/// read-last-then-insert) under the same load. Loops are bounded by the count of orders.
/// Run: dotnet run -c Release --project bench/Dashboard.Benchmarks -- s5 [members=20] [perSecond=5] [seconds=60] [aligned|spread] [warmup seconds=5]
/// Arrivals: "aligned" (the default) starts every member's clock at the same instant, so each beat lands all members'
/// orders in the same millisecond (the worst case); "spread" starts each member at its own seeded random point of
/// the first interval, as independent traders would, the same points every run.
/// </summary>
internal static class S5OrderPath
{
    private const string Code = "005930";

    // QUALITY.md's S5 row: 10 subscriptions per member, 400 ticks/s of ingest in all (20 members x 10 stocks x 2/s), each
    // member on their own socket. The quoted stocks are the overview's others: the ordered stock itself does not move,
    // so the limit buys stay open and valid the whole run.
    private const int QuotedStocks = 10;
    private const double TicksPerSecondPerStock = 2;
    private static readonly string[] Quoted = [.. MarketDefaults.Stocks.Where(c => c != Code).Take(QuotedStocks)];

    public static async Task<int> RunAsync(string[] args)
    {
        var members = Arg(args, 1, 20);
        var perSecond = Arg(args, 2, 5);
        var seconds = Arg(args, 3, 60);
        var spread = args.Length > 4 && args[4] == "spread";
        if (args.Length > 4 && !spread && args[4] != "aligned")
        {
            Console.Error.WriteLine($"arrivals must be 'aligned' or 'spread', not '{args[4]}'");
            return 2;
        }

        var warmupSeconds = Arg(args, 5, 5);
        var dataPath = Path.Combine(Path.GetTempPath(), "dashboard-s5", Guid.NewGuid().ToString("N"));
        using var spans = new OrderSpans();
        var efErrors = new EfErrorCounter();
        await using var app = await StartAsync(dataPath, efErrors);
        try
        {
            var traders = await MembersAsync(app.Services, members);
            var simulator = app.Services.GetRequiredService<SimulatorControl>();
            var price = KrxTickSize.RoundDown(KrxTickTable.Stock, simulator.Market.Read(u => u.ByCode[Code].Last) * 97 / 100);
            var orders = app.Services.GetRequiredService<IOrderService>();

            // Warm-up: one order each opens every member's session; then the same load, not measured, for a few seconds. In
            // some cold runs every order of the slowest 1 % fell in the first second (most likely code the JIT had not yet
            // tiered up; not proven). The minute is the steady state; a cold start is measured with warm-up 0.
            await Task.WhenAll(traders.Select(t => orders.PlaceOrderAsync(t.Member, Ticket(t, price))));
            await using var quotes = await QuoteLoad.StartAsync(app.Services.GetRequiredService<IOrderGateway>(), traders.Select(t => (t.Member, t.Connection)), Quoted);
            var phases = Phases(members, perSecond, spread);
            await Task.WhenAll(traders.Select((t, m) => MemberLoadAsync(orders, t, price, perSecond, warmupSeconds, phases[m], [], [])));
            var before = SimulatorOrders(app.Services);
            var batchesBefore = app.Services.GetRequiredService<OrderAuditLog>().Batches;
            var appendsBefore = app.Services.GetRequiredService<OrderAuditLog>().Appends;

            Console.WriteLine($"S5: {members} members x {perSecond} orders/s x {seconds} s = {members * perSecond * seconds} orders (limit buys 1 share, left open) after {warmupSeconds} s of the same load not measured; each member also watches {Quoted.Length} stocks ticking {TicksPerSecondPerStock}/s on their own socket; arrivals {(spread ? "spread (seeded random phase per member)" : "aligned (every member on the same beat)")}; GC {(System.Runtime.GCSettings.IsServerGC ? "Server" : "Workstation")}");
            var samples = new ConcurrentBag<Sample>();
            var errors = new ConcurrentBag<string>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var quotesBefore = quotes.Received;
            var gcBefore = GcCounts.Now();
            var clock = Stopwatch.StartNew();
            var runStarted = Stopwatch.GetTimestamp();
            spans.Start();
            await Task.WhenAll(traders.Select((t, m) => MemberLoadAsync(orders, t, price, perSecond, seconds, phases[m], samples, errors)));
            spans.Stop();
            var wall = clock.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var gc = GcCounts.Now() - gcBefore;
            var quotesPerSecond = (quotes.Received - quotesBefore) / wall.TotalSeconds;
            var atSimulator = SimulatorOrders(app.Services) - before;
            var audit = app.Services.GetRequiredService<OrderAuditLog>();
            var writer = new WriterStats(audit.Batches - batchesBefore, audit.Appends - appendsBefore, await LoneAppendsAsync(audit), 0);
            var verified = await audit.VerifyAsync();
            var efErrorsOfService = efErrors.Count;

            var naive = await NaiveAuditAsync(app.Services, members, perSecond, seconds, phases);
            naive = naive with { EfErrors = efErrors.Count - efErrorsOfService };
            Print(members * perSecond * seconds, samples, errors, atSimulator, verified.IsIntact, wall, cpu, quotesPerSecond, naive, writer with { EfErrors = efErrorsOfService }, runStarted, gc);
            spans.Print();
            return 0;
        }
        finally
        {
            await app.StopAsync();
            SqliteConnection.ClearAllPools();
            TryDelete(dataPath);
        }
    }

    /// <summary>Each member's offset into the first interval: all zero when aligned, seeded random points when spread.</summary>
    private static TimeSpan[] Phases(int members, int perSecond, bool spread)
    {
        var random = new Random(members);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        return [.. Enumerable.Range(0, members).Select(_ => spread ? interval * random.NextDouble() : TimeSpan.Zero)];
    }

    private static async Task MemberLoadAsync(
        IOrderService orders, Trader t, long price, int perSecond, int seconds, TimeSpan phase, ConcurrentBag<Sample> samples, ConcurrentBag<string> errors)
    {
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var start = Stopwatch.GetTimestamp() + (long)(phase.TotalSeconds * Stopwatch.Frequency);
        var pending = new List<Task>();
        for (var i = 0; i < perSecond * seconds; i++)
        {
            var due = interval * i - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            pending.Add(Task.Run(async () =>
            {
                var probe = OrderProbe.Current.Value = new OrderProbe();
                try
                {
                    var result = await orders.PlaceOrderAsync(t.Member, Ticket(t, price));
                    var ended = Stopwatch.GetTimestamp();
                    samples.Add(new Sample(probe, ended, result.Outcome));
                    if (result.Outcome != OrderOutcome.Accepted)
                    {
                        errors.Add(result.Outcome + ": " + string.Join(" ", result.Reasons.Select(r => r.Code)));
                    }
                }
                catch (Exception ex)
                {
                    errors.Add(ex.GetType().Name + ": " + ex.Message);
                }
            }));
        }

        await Task.WhenAll(pending);
    }

    /// <summary>
    /// One stage alone: an append on an idle writer (one transaction, one commit with its fsync), 200 in a
    /// row after the load, so the cost of a commit is seen apart from queueing.
    /// </summary>
    private static async Task<double[]> LoneAppendsAsync(OrderAuditLog audit)
    {
        var times = new double[200];
        for (var n = 0; n < times.Length; n++)
        {
            var began = Stopwatch.GetTimestamp();
            await audit.AppendAsync(new AuditEvent(OrderAuditKind.LimitChanged, "s5", "s5", Details: "lone append " + n));
            times[n] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
        }

        return times;
    }

    /// <summary>The naive design: a new DbContext per order, no single writer, read the last row then insert; members on the same beats as the service's run.</summary>
    private static async Task<NaiveResult> NaiveAuditAsync(IServiceProvider services, int members, int perSecond, int seconds, TimeSpan[] phases)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        var latencies = new ConcurrentBag<double>();
        var busy = 0;
        var forks = 0;
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        await Task.WhenAll(Enumerable.Range(0, members).Select(async m =>
        {
            var start = Stopwatch.GetTimestamp() + (long)(phases[m].TotalSeconds * Stopwatch.Frequency);
            var pending = new List<Task>();
            for (var i = 0; i < perSecond * seconds; i++)
            {
                var due = interval * i - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                pending.Add(Task.Run(async () =>
                {
                    var began = Stopwatch.GetTimestamp();
                    try
                    {
                        await using var db = await factory.CreateDbContextAsync();
                        var last = await db.OrderAudit.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync();
                        db.OrderAudit.Add(new OrderAuditEntry
                        {
                            Sequence = (last?.Sequence ?? 0) + 1, At = DateTimeOffset.UtcNow, MemberId = "naive", ActorId = "naive", Kind = OrderAuditKind.Intent,
                            StockCode = Code, PreviousHash = last?.Hash ?? "", Hash = Guid.NewGuid().ToString("N"),
                        });
                        await db.SaveChangesAsync();
                        latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                    }
                    catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
                    {
                        Interlocked.Increment(ref forks);
                    }
                    catch (Exception ex) when (ex is SqliteException { SqliteErrorCode: 5 or 6 } || ex.InnerException is SqliteException { SqliteErrorCode: 5 or 6 })
                    {
                        Interlocked.Increment(ref busy);
                    }
                }));
            }

            await Task.WhenAll(pending);
        }));
        return new NaiveResult([.. latencies], busy, forks, 0);
    }

    private static void Print(
        int planned, ConcurrentBag<Sample> samples, ConcurrentBag<string> errors, int atSimulator, bool intact, TimeSpan wall, TimeSpan cpu, double quotesPerSecond, NaiveResult naive, WriterStats writer,
        long runStarted, GcCounts gc)
    {
        var s = samples.ToArray();
        var sent = s.Where(x => x.Probe.SendStarted != 0).ToArray();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        var preSend = sent.Select(x => Ms(x.Probe.SendStarted - x.Probe.Started - x.Probe.QueryTicks)).ToArray();
        var ack = sent.Select(x => Ms(x.Probe.SendEnded - x.Probe.Started)).ToArray();
        var overhead = sent.Select(x => Ms(x.Ended - x.Probe.Started - x.Probe.QueryTicks - (x.Probe.SendEnded - x.Probe.SendStarted))).ToArray();
        var broker = sent.Select(x => Ms(x.Probe.SendEnded - x.Probe.SendStarted)).ToArray();
        var duplicates = s.Count(x => x.Probe.Sends > 1);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| Measure (ms unless stated) | order service (single audit writer) | naive audit writer |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(inv, $"| intent -> audit commit (checks + Intent + Sent rows), p50 / p99 | {P(preSend, 50):0.0} / {P(preSend, 99):0.0} | {P(naive.Latencies, 50):0.0} / {P(naive.Latencies, 99):0.0} (one row) |"));
        Console.WriteLine(string.Create(inv, $"| server-side overhead (all checks + audit commits + tracker), p50 / p99 | {P(overhead, 50):0.0} / {P(overhead, 99):0.0} | - |"));
        var tailFrom = P(overhead, 99);
        var slowest = Enumerable.Range(0, sent.Length).Where(i => overhead[i] >= tailFrom).ToArray();
        Console.WriteLine(string.Create(inv, $"| slowest 1 % of the overhead ({slowest.Length} orders): mean before the order TR / after its answer; share that read a price from the broker first | {Mean(slowest, preSend):0.0} / {Mean(slowest, overhead) - Mean(slowest, preSend):0.0}; {(slowest.Length == 0 ? 0 : slowest.Count(i => sent[i].Probe.QueryTicks > 0) * 100.0 / slowest.Length):0} % (all orders: {(sent.Length == 0 ? 0 : sent.Count(x => x.Probe.QueryTicks > 0) * 100.0 / sent.Length):0.0} %) | - |"));
        // Whether the tail is the run's first seconds (a cold start) or spread over the minute.
        var when = slowest.Select(i => Ms(sent[i].Probe.Started - runStarted) / 1000).Order().ToArray();
        Console.WriteLine(string.Create(inv, $"| slowest 1 %: seconds into the run, first / median / last; how many in the first 5 s | {(when.Length == 0 ? double.NaN : when[0]):0.0} / {P(when, 50):0.0} / {(when.Length == 0 ? double.NaN : when[^1]):0.0}; {when.Count(w => w < 5)} of {when.Length} | - |"));
        Console.WriteLine(string.Create(inv, $"| intent -> broker ack, p50 / p99 | {P(ack, 50):0.0} / {P(ack, 99):0.0} | - |"));
        Console.WriteLine(string.Create(inv, $"| broker round trip (order TR), p50 / p99 | {P(broker, 50):0.0} / {P(broker, 99):0.0} | - |"));
        Console.WriteLine($"| orders planned / accepted / other outcomes | {planned} / {s.Count(x => x.Outcome == OrderOutcome.Accepted)} / {errors.Count} | {planned} / {naive.Latencies.Length} / {naive.Busy + naive.Forks} |");
        Console.WriteLine($"| duplicate broker calls (per intent; simulator orders vs accepted) | {duplicates}; {atSimulator} vs {s.Count(x => x.Outcome == OrderOutcome.Accepted)} | - |");
        Console.WriteLine($"| SQLite busy/locked errors surfaced | 0 | {naive.Busy} |");
        Console.WriteLine($"| chain forks (same sequence written twice, refused by the unique key) | 0 (verify: {(intact ? "OK" : "BROKEN")}) | {naive.Forks} |");
        Console.WriteLine(string.Create(inv, $"| audit transactions / appends in the run (mean appends per commit) | {writer.Batches} / {writer.Appends} ({(writer.Batches == 0 ? 0 : (double)writer.Appends / writer.Batches):0.0}) | {naive.Latencies.Length} / {naive.Latencies.Length} (1.0) |"));
        Console.WriteLine($"| EF Core errors logged (counted here, not printed) | {writer.EfErrors} | {naive.EfErrors} |");
        Console.WriteLine(string.Create(inv, $"| one append on an idle writer (one commit), p50 / p99 of 200 | {P(writer.Lone, 50):0.0} / {P(writer.Lone, 99):0.0} | - |"));
        Console.WriteLine(string.Create(inv, $"| quotes received by the members' sessions, per second | {quotesPerSecond:0} | - |"));
        Console.WriteLine(string.Create(inv, $"| wall / process CPU | {wall.TotalSeconds:0.0} s / {cpu.TotalSeconds:0.0} s | - |"));
        Console.WriteLine(string.Create(inv, $"| garbage collections in the run: gen0 / gen1 / gen2; time paused | {gc.Gen0} / {gc.Gen1} / {gc.Gen2}; {gc.Paused.TotalMilliseconds:0} ms | - |"));
        foreach (var group in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"  {group.Count()} x {group.Key}");
        }
    }

    private static double Mean(int[] picked, double[] values) => picked.Length == 0 ? double.NaN : picked.Average(i => values[i]);

    private static double P(double[] values, int percentile)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static OrderTicket Ticket(Trader t, long price) => new(Guid.NewGuid(), t.Connection, Code, OrderSide.Buy, 1, price, "0");

    private static int SimulatorOrders(IServiceProvider services) => services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);

    private static async Task<WebApplication> StartAsync(string dataPath, EfErrorCounter efErrors)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:DataPath"] = dataPath,
            ["Dashboard:RedirectToHttps"] = "false",

            // Production refuses a key-ring secret beside the key ring; a throwaway one per run, like a deployment's.
            ["Dashboard:KeyRingSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["SimulatorHosting:BaseUrl"] = "",
            ["Simulator:TokenIssuesPerMinutePerAddress"] = "1000",
            ["Orders:DefaultOrdersPerMinute"] = "1000",
            ["Orders:ReconcileInterval"] = "01:00:00",
            ["Simulator:FixedTicksPerSecond"] = TicksPerSecondPerStock.ToString(CultureInfo.InvariantCulture),

            // Console logging of every request would be measured too; production logs go to a file sink at Information.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:System"] = "Warning",
            ["Logging:LogLevel:Dashboard"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(Quoted.Select((code, k) => KeyValuePair.Create($"Simulator:FixedTickCodes:{k}", (string?)code)));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // EF's error logs are counted for the table (the naive writer's refused inserts make thousands), not printed.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(EfErrorCounter.Category, LogLevel.None);
        builder.Logging.AddProvider(efErrors);
        builder.AddDashboard();
        builder.AddBrokerSessions();
        builder.AddOrders();
        builder.Services.AddKiwoomSimulator();

        // The real gateway, each channel timed (broker time is taken out of the server-side overhead).
        var real = builder.Services.Last(d => d.ServiceType == typeof(IOrderGateway));
        builder.Services.Remove(real);
        builder.Services.AddSingleton<IOrderGateway>(sp => new ProbedGateway((IOrderGateway)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));

        var app = builder.Build();
        // No pages: only the simulator's endpoints are served; the order path is called in-process as a page would.
        app.MapKiwoomSimulator("/kiwoom-sim");
        await app.MigrateDashboardDatabaseAsync();
        await app.StartAsync();
        var control = app.Services.GetRequiredService<SimulatorControl>();

        // Kiwoom's cap is 5 orders/s per key, exactly the load; the bench measures our side, not 1700 refusals.
        control.SetRateLimit(1000);
        _ = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return app;
    }

    private static async Task<List<Trader>> MembersAsync(IServiceProvider services, int count)
    {
        var traders = new List<Trader>();
        for (var n = 0; n < count; n++)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = $"s5-{n}@team.test", Email = $"s5-{n}@team.test" };
            Check(await users.CreateAsync(user, "s5 benchmark passphrase " + n));
            Check(await users.AddToRoleAsync(user, DashboardRoles.Trader));
            var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
            await connections.ProvisionSimulatorAsync(user.Id);
            var member = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            traders.Add(new Trader(member, (await connections.ListAsync(member)).Single().Id));
        }

        return traders;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed record Trader(ClaimsPrincipal Member, Guid Connection);

    private sealed record Sample(OrderProbe Probe, long Ended, OrderOutcome Outcome);

    /// <summary>The process's collections so far and the time the runtime paused threads for them.</summary>
    private sealed record GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static GcCounts operator -(GcCounts a, GcCounts b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);
    }

    private sealed record WriterStats(long Batches, long Appends, double[] Lone, long EfErrors);

    private sealed record NaiveResult(double[] Latencies, int Busy, int Forks, long EfErrors);
}
