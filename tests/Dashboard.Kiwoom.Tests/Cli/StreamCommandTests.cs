using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class StreamCommandTests : IAsyncLifetime
{
    private const string AppKey = "APPKEY-stream-1a2b3c4d5e6f7a8b9c";
    private const string SecretKey = "SECRET-stream-0f1e2d3c4b5a69788";
    private const string LoginOk = """{"trnm":"LOGIN","return_code":0,"return_msg":"","sor_yn":"Y"}""";
    private const string RegOk = """{"trnm":"REG","return_code":0,"return_msg":""}""";
    private const string Ping = """{"trnm":"PING","seq":"7"}""";
    private const string Trade = """
        {"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930",
          "values":{"20":"165208","10":"-20800","11":"-50","12":"-0.24","15":"+120","13":"1234567","25":"5"}}]}
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<string> received = new();
    private readonly ConcurrentTextWriter stdout = new();
    private readonly ConcurrentTextWriter stderr = new();
    private readonly CancellationTokenSource interrupt = new();
    private ScriptedKiwoomServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedKiwoomServer.StartAsync();

    public async Task DisposeAsync()
    {
        await interrupt.CancelAsync();
        interrupt.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task LogsInEchoesPingsRegistersEveryItemAndPrintsEventsUntilCtrlC()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, Ping, ct);
            await ScriptedSocket.SendAsync(socket, LoginOk, ct);
            await ExpectAsync(socket, "PING", ct);
            await AcknowledgeAsync(socket, registrations: 2, ct);
            await ScriptedSocket.SendAsync(socket, Trade, ct);
            await ScriptedSocket.SendAsync(socket, Ping, ct);
            await ExpectAsync(socket, "PING", ct);
            await DrainAnsweringRemovesAsync(socket, ct);
        };

        var running = StartStream("0B", "005930", "000660");
        await stdout.WaitForAsync("0B 005930", Patience);
        await WaitForMessagesAsync(5);
        var exit = await StopAsync(running);

        Assert.Equal(0, exit);
        Assert.Contains("stream stopped", stderr.Text);
        var messages = received.ToArray();
        using (var login = JsonDocument.Parse(messages[0]))
        {
            Assert.Equal(ScriptedKiwoomServer.Token, login.RootElement.GetProperty("token").GetString());
        }

        // Every PING comes back exactly as sent, before LOGIN is answered and after.
        Assert.Equal(Ping, messages[1]);
        Assert.Equal(Ping, messages[4]);
        var registered = messages[2..4].SelectMany(Items).ToList();
        Assert.Equal(["0B:000660", "0B:005930"], registered.Order());

        var line = Assert.Single(stdout.Text.TrimEnd('\n').Split('\n'));
        Assert.Contains(" 0B 005930 주식체결 ", line);
        Assert.Contains(" 10=20,800▼", line);
        Assert.Contains(" 11=-50", line);
        Assert.Contains(" 20=16:52:08", line);
        Assert.DoesNotContain(ScriptedKiwoomServer.Token, stdout.Text + stderr.Text);
    }

    [Fact]
    public async Task CtrlCRemovesEveryRegisteredItemBeforeClosing()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, LoginOk, ct);
            await AcknowledgeAsync(socket, registrations: 2, ct);
            await ScriptedSocket.SendAsync(socket, Trade, ct);
            for (var i = 0; i < 2; i++)
            {
                await ExpectAsync(socket, "REMOVE", ct);
                await ScriptedSocket.SendAsync(socket, """{"trnm":"REMOVE","return_code":0,"return_msg":""}""", ct);
            }

            await DrainAnsweringRemovesAsync(socket, ct);
        };

        var running = StartStream("0B", "005930", "000660");
        await stdout.WaitForAsync("0B 005930", Patience);
        var exit = await StopAsync(running);

        Assert.Equal(0, exit);
        var removed = received.Where(m => ScriptedSocket.Trnm(m) == "REMOVE").SelectMany(Items).ToList();
        Assert.Equal(["0B:000660", "0B:005930"], removed.Order());
        Assert.DoesNotContain("did not confirm", stderr.Text);
    }

    [Fact]
    public async Task ASocketThatNeverLogsInEndsTheStreamAtTheConnectTimeout()
    {
        var attempts = 0;
        server.Socket = async (socket, ct) =>
        {
            Interlocked.Increment(ref attempts);
            await socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "down", ct);
        };

        var started = DateTime.UtcNow;
        var exit = await StartStream("0B", "005930", "--connect-timeout", "2").WaitAsync(Patience);

        Assert.Equal(1, exit);
        Assert.Contains("no realtime connection within 2 s", stderr.Text);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.5), Patience);
        Assert.True(Volatile.Read(ref attempts) >= 1);
        Assert.Equal(string.Empty, stdout.Text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("3601")]
    public async Task AConnectTimeoutOutsideOneSecondToAnHourIsAUsageError(string value)
    {
        var exit = await StartStream("0B", "005930", "--connect-timeout", value).WaitAsync(Patience);

        Assert.Equal(2, exit);
        Assert.Contains("--connect-timeout takes whole seconds from 1 to 3600", stderr.Text);
    }

    [Fact]
    public async Task ADroppedConnectionIsReestablishedAndTheItemsRegisteredAgain()
    {
        var sessions = 0;
        server.Socket = async (socket, ct) =>
        {
            var session = Interlocked.Increment(ref sessions);
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, LoginOk, ct);
            await AcknowledgeAsync(socket, registrations: 1, ct);
            if (session == 1)
            {
                await socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "maintenance", ct);
                return;
            }

            await ScriptedSocket.SendAsync(socket, Trade, ct);
            await DrainAnsweringRemovesAsync(socket, ct);
        };

        var running = StartStream("0B", "005930");
        await stdout.WaitForAsync("0B 005930", Patience);
        var exit = await StopAsync(running);

        Assert.Equal(0, exit);
        Assert.Equal(2, sessions);
        Assert.Contains("reconnecting", stderr.Text);
        Assert.Equal(2, received.Count(m => ScriptedSocket.Trnm(m) == "REG"));
    }

    [Fact]
    public async Task JsonEventsCarryTypedValuesOnePerLine()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, LoginOk, ct);
            await AcknowledgeAsync(socket, registrations: 1, ct);
            await ScriptedSocket.SendAsync(socket, Trade, ct);
            await DrainAnsweringRemovesAsync(socket, ct);
        };

        var running = StartStream("0B", "005930", "--json", "--fields", "10,11,12,20");
        await stdout.WaitForAsync("\n", Patience);
        await StopAsync(running);

        using var json = JsonDocument.Parse(Assert.Single(stdout.Text.TrimEnd('\n').Split('\n')));
        var values = json.RootElement.GetProperty("values");
        Assert.Equal("005930", json.RootElement.GetProperty("item").GetString());
        Assert.Equal(20800, values.GetProperty("10").GetProperty("value").GetInt64());
        Assert.Equal("Down", values.GetProperty("10").GetProperty("direction").GetString());
        Assert.Equal(-50, values.GetProperty("11").GetInt64());
        Assert.Equal(-0.24m, values.GetProperty("12").GetDecimal());
        Assert.Equal("16:52:08", values.GetProperty("20").GetString());
        Assert.False(values.TryGetProperty("13", out _));
    }

    [Fact]
    public async Task ATokenTheServerRefusesTwiceIsABrokerError()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"LOGIN","return_code":3,"return_msg":"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]"}""", ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
        };

        var exit = await StartStream("0B", "005930").WaitAsync(Patience);

        Assert.Equal(1, exit);
        Assert.Contains("8005", stderr.Text);
        Assert.Equal(string.Empty, stdout.Text);
    }

    [Fact]
    public async Task ARejectedRegistrationIsABrokerError()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, LoginOk, ct);
            await ExpectAsync(socket, "REG", ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"REG","return_code":1,"return_msg":"등록 가능한 종목 수를 초과했습니다"}""", ct);
            await DrainAnsweringRemovesAsync(socket, ct);
        };

        var exit = await StartStream("0B", "005930").WaitAsync(Patience);

        Assert.Equal(1, exit);
        Assert.Contains("등록 가능한 종목 수를 초과했습니다", stderr.Text);
    }

    [Fact]
    public async Task AccountTypesRegisterTheEmptyItemAndALoginElsewhereEndsTheStream()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, LoginOk, ct);
            await AcknowledgeAsync(socket, registrations: 2, ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"SYSTEM","code":"R10001","message":"동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"}""", ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "duplicate", ct);
        };

        var exit = await StartStream("00,04").WaitAsync(Patience);

        Assert.Equal(1, exit);
        Assert.Contains("동일한 App key로 접속이 되었습니다", stderr.Text);
        var registered = received.Where(m => ScriptedSocket.Trnm(m) == "REG").SelectMany(Items).ToList();
        Assert.Equal(["00:", "04:"], registered.Order());
    }

    private static IEnumerable<string> Items(string registration)
    {
        using var reg = JsonDocument.Parse(registration);
        var result = new List<string>();
        foreach (var entry in reg.RootElement.GetProperty("data").EnumerateArray())
        {
            foreach (var type in entry.GetProperty("type").EnumerateArray())
            {
                result.AddRange(entry.GetProperty("item").EnumerateArray().Select(item => $"{type.GetString()}:{item.GetString()}"));
            }
        }

        return result;
    }

    private async Task AcknowledgeAsync(WebSocket socket, int registrations, CancellationToken ct)
    {
        for (var i = 0; i < registrations; i++)
        {
            await ExpectAsync(socket, "REG", ct);
            await ScriptedSocket.SendAsync(socket, RegOk, ct);
        }
    }

    private async Task ExpectAsync(WebSocket socket, string trnm, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(Patience);
        var message = await ScriptedSocket.ReceiveAsync(socket, bound.Token)
            ?? throw new InvalidOperationException($"The client went away before sending {trnm}.");
        received.Enqueue(message);
        if (ScriptedSocket.Trnm(message) != trnm)
        {
            throw new InvalidOperationException($"Expected {trnm}, got {message}.");
        }
    }

    /// <summary>Like Kiwoom, answers the REMOVEs a stream sends on its way out, until the client goes away (bounded).</summary>
    private async Task DrainAnsweringRemovesAsync(WebSocket socket, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        while (await ScriptedSocket.ReceiveAsync(socket, bound.Token) is { } message)
        {
            received.Enqueue(message);
            if (ScriptedSocket.Trnm(message) == "REMOVE")
            {
                await ScriptedSocket.SendAsync(socket, """{"trnm":"REMOVE","return_code":0,"return_msg":""}""", bound.Token);
            }
        }
    }

    private async Task WaitForMessagesAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {received.Count} of {count} client messages arrived.");
            await Task.Delay(20);
        }
    }

    private Task<int> StartStream(params string[] args)
    {
        interrupt.CancelAfter(Patience * 2);
        return CliRun.StartAsync(
            ["stream", .. args, "--base-url", server.BaseUrl.ToString(), "--appkey", AppKey, "--secretkey", SecretKey],
            stdout,
            stderr,
            ct: interrupt.Token);
    }

    private async Task<int> StopAsync(Task<int> running)
    {
        await interrupt.CancelAsync();
        return await running.WaitAsync(Patience);
    }
}
