using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.Kiwoom.Simulator.Bench;

/// <summary>
/// `dotnet run -c Release --project src/Dashboard.Kiwoom.Simulator -- bench [--seconds 10] [--sockets 100]
/// [--rest-workers 16] [--trades-per-second 1000]`: starts the simulator on 127.0.0.1, drives REST calls and
/// WebSocket clients for a bounded time, and prints requests/s and frames/s beside the targets.
/// </summary>
internal static class BenchmarkCommand
{
    private const double RestTarget = 2_000;
    private const double FrameTarget = 50_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arg(args, "--seconds", 10);
        var sockets = Arg(args, "--sockets", 100);
        var workers = Arg(args, "--rest-workers", 16);
        var tradesPerSecond = Arg(args, "--trades-per-second", 1_000);
        var onlyTr = Array.IndexOf(args, "--rest-tr") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKiwoomSimulator(o =>
        {
            o.RateLimitPerSecond = 100_000;
            o.StepInterval = TimeSpan.FromMilliseconds(10);
            o.TradesPerStep = Math.Max(1, tradesPerSecond / 100);
            o.PingInterval = TimeSpan.FromSeconds(30);
        });
        await using var app = builder.Build();
        app.MapKiwoomSimulator();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var engine = app.Services.GetRequiredService<MarketEngine>();
        var codes = app.Services.GetRequiredService<MarketEngine>().Universe.Stocks.Select(s => s.Code).ToArray();

        Console.WriteLine($"Kiwoom simulator benchmark on {address} ({Environment.ProcessorCount} cores), {seconds} s per phase");
        var rest = await RestPhaseAsync(address, workers, TimeSpan.FromSeconds(seconds), onlyTr);
        var frames = await SocketPhaseAsync(address, sockets, codes, TimeSpan.FromSeconds(seconds), engine);

        Console.WriteLine();
        Console.WriteLine("| Measure | Result | Target |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| REST requests/s ({onlyTr ?? "ka10001/ka10004/ka10081 mix"}, {workers} workers, {rest.Errors} errors) | {rest.PerSecond:N0} | >= {RestTarget:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| REAL frames/s received by {sockets} sockets ({frames.Trades:N0} trades/s on the tape) | {frames.PerSecond:N0} | >= {FrameTarget:N0} |"));
        await app.StopAsync();
        return rest.PerSecond >= RestTarget && frames.PerSecond >= FrameTarget ? 0 : 1;
    }

    private static async Task<(double PerSecond, long Errors)> RestPhaseAsync(Uri address, int workers, TimeSpan duration, string? onlyTr)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = address };
        var token = await TokenAsync(http, "bench-rest");
        (string Id, string Path, string Body)[] mix =
        [
            ("ka10001", "/api/dostk/stkinfo", "{\"stk_cd\":\"005930\"}"),
            ("ka10004", "/api/dostk/mrkcond", "{\"stk_cd\":\"000660\"}"),
            ("ka10081", "/api/dostk/chart", "{\"stk_cd\":\"039490\",\"base_dt\":\"20991231\",\"upd_stkpc_tp\":\"1\"}"),
        ];
        var calls = onlyTr is null ? mix : mix.Where(c => c.Id == onlyTr).ToArray();
        if (calls.Length == 0)
        {
            throw new ArgumentException($"--rest-tr must be one of {string.Join(", ", mix.Select(c => c.Id))}.");
        }
        long ok = 0, errors = 0;
        var stopwatch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            var n = w;
            while (!stop.IsCancellationRequested)
            {
                var (id, path, body) = calls[n++ % calls.Length];
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("api-id", id);
                request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    var bytes = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK && bytes.AsSpan().IndexOf("\"return_code\":0"u8) >= 0)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        return (ok / stopwatch.Elapsed.TotalSeconds, errors);
    }

    private static async Task<(double PerSecond, double Trades)> SocketPhaseAsync(Uri address, int count, string[] codes, TimeSpan duration, MarketEngine engine)
    {
        using var http = new HttpClient { BaseAddress = address };
        var wsUri = new Uri($"ws://{address.Authority}/api/dostk/websocket");
        var clients = new List<ClientWebSocket>();
        long frames = 0;
        using var stop = new CancellationTokenSource();
        var readers = new List<Task>();
        for (var k = 0; k < count; k++)
        {
            // One app key per socket: Kiwoom allows one session per key.
            var token = await TokenAsync(http, $"bench-ws-{k}");
            var ws = new ClientWebSocket();
            await ws.ConnectAsync(wsUri, CancellationToken.None);
            await SendAsync(ws, JsonSerializer.Serialize(new { trnm = "LOGIN", token }));
            await SendAsync(ws, JsonSerializer.Serialize(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = codes, type = new[] { "0B" } } } }));
            clients.Add(ws);
            readers.Add(ReadAsync(ws, () => Interlocked.Increment(ref frames), stop.Token));
        }

        // Let registrations settle, then count only the measured window.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var startFrames = Interlocked.Read(ref frames);
        var startTrades = engine.TradeCount;
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(duration);
        var received = Interlocked.Read(ref frames) - startFrames;
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var trades = (engine.TradeCount - startTrades) / elapsed;
        await stop.CancelAsync();
        foreach (var ws in clients)
        {
            ws.Abort();
            ws.Dispose();
        }

        await Task.WhenAll(readers.Select(async r =>
        {
            try
            {
                await r;
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Aborted on purpose at the end of the window.
            }
        }));
        return (received / elapsed, trades);
    }

    private static async Task ReadAsync(ClientWebSocket ws, Action onReal, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var pingPrefix = "{\"trnm\":\"PING\""u8.ToArray();
        var realPrefix = "{\"trnm\":\"REAL\""u8.ToArray();
        var offset = 0;
        while (!ct.IsCancellationRequested)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(offset), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            offset += result.Count;
            if (!result.EndOfMessage)
            {
                continue;
            }

            var message = buffer.AsSpan(0, offset);
            if (message.StartsWith(realPrefix))
            {
                onReal();
            }
            else if (message.StartsWith(pingPrefix))
            {
                await ws.SendAsync(buffer.AsMemory(0, offset), WebSocketMessageType.Text, true, ct);
            }

            offset = 0;
        }
    }

    private static Task SendAsync(ClientWebSocket ws, string text) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> TokenAsync(HttpClient http, string appKey)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { grant_type = "client_credentials", appkey = appKey, secretkey = "bench" }), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/oauth2/token", content);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}
