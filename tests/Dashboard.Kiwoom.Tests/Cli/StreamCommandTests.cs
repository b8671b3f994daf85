using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class StreamCommandTests : IAsyncLifetime
{
    private const string AppKey = "APPKEY-stream-1a2b3c4d5e6f7a8b9c";
    private const string SecretKey = "SECRET-stream-0f1e2d3c4b5a69788";
    private const string Ping = """{"trnm":"PING","seq":"7"}""";
    private const string Trade = """
        {"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930",
          "values":{"20":"165208","10":"-20800","11":"-50","12":"-0.24","15":"+120","13":"1234567","25":"5"}}]}
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<string> received = new();
    private ScriptedKiwoomServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedKiwoomServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task LogsInRegistersEchoesPingAndPrintsEventsUntilTheServerEndsTheSession()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, Ping, ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"LOGIN","return_code":0,"return_msg":"","sor_yn":"Y"}""", ct);
            await ExpectAsync(socket, "PING", ct);
            await ExpectAsync(socket, "REG", ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"REG","return_code":0,"return_msg":""}""", ct);
            await ScriptedSocket.SendAsync(socket, Trade, ct);
            await ScriptedSocket.SendAsync(socket, Ping, ct);
            await ExpectAsync(socket, "PING", ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        };

        var run = await StreamAsync("0B", "005930", "000660");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the server ended the session", run.Stderr);
        var messages = received.ToArray();
        using (var login = JsonDocument.Parse(messages[0]))
        {
            Assert.Equal(ScriptedKiwoomServer.Token, login.RootElement.GetProperty("token").GetString());
        }

        // The PING comes back exactly as sent, before and after LOGIN.
        Assert.Equal(Ping, messages[1]);
        Assert.Equal(Ping, messages[3]);
        using (var reg = JsonDocument.Parse(messages[2]))
        {
            var entry = reg.RootElement.GetProperty("data")[0];
            Assert.Equal(["005930", "000660"], entry.GetProperty("item").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["0B"], entry.GetProperty("type").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("1", reg.RootElement.GetProperty("grp_no").GetString());
        }

        var line = Assert.Single(run.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Contains(" 0B 005930 주식체결 ", line);
        Assert.Contains(" 10=20,800▼", line);
        Assert.Contains(" 11=-50", line);
        Assert.Contains(" 20=16:52:08", line);
        Assert.DoesNotContain(ScriptedKiwoomServer.Token, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task JsonEventsCarryTypedValuesOnePerLine()
    {
        server.Socket = async (socket, ct) =>
        {
            await LoginAndRegisterAsync(socket, ct);
            await ScriptedSocket.SendAsync(socket, Trade, ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        };

        var run = await StreamAsync("0B", "005930", "--json", "--fields", "10,11,12,20");

        using var json = JsonDocument.Parse(Assert.Single(run.Stdout.TrimEnd('\n').Split('\n')));
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
    public async Task CtrlCEndsTheStreamWithExitZero()
    {
        server.Socket = async (socket, ct) =>
        {
            await LoginAndRegisterAsync(socket, ct);
            await ScriptedSocket.SendAsync(socket, Trade, ct);
            await ScriptedSocket.DrainAsync(socket, ct);
        };
        var stdout = new ConcurrentTextWriter();
        var stderr = new ConcurrentTextWriter();
        using var interrupt = new CancellationTokenSource();

        var running = CliRun.StartAsync(Arguments("0B", "005930"), stdout, stderr, ct: interrupt.Token);
        await stdout.WaitForAsync("0B 005930", Patience);
        await interrupt.CancelAsync();
        var exit = await running.WaitAsync(Patience);

        Assert.Equal(0, exit);
        Assert.Contains("stream stopped", stderr.Text);
    }

    [Fact]
    public async Task ARefusedLoginIsABrokerError()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"LOGIN","return_code":3,"return_msg":"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]"}""", ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
        };

        var run = await StreamAsync("0B", "005930");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("8005", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task ARejectedRegistrationIsABrokerError()
    {
        server.Socket = async (socket, ct) =>
        {
            await ExpectAsync(socket, "LOGIN", ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"LOGIN","return_code":0,"return_msg":""}""", ct);
            await ExpectAsync(socket, "REG", ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"REG","return_code":1,"return_msg":"등록 가능한 종목 수를 초과했습니다"}""", ct);
            await ScriptedSocket.DrainAsync(socket, ct);
        };

        var run = await StreamAsync("0B", "005930");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("등록 가능한 종목 수를 초과했습니다", run.Stderr);
    }

    [Fact]
    public async Task AccountTypesRegisterTheEmptyItemAndSystemMessagesGoToStandardError()
    {
        server.Socket = async (socket, ct) =>
        {
            await LoginAndRegisterAsync(socket, ct);
            await ScriptedSocket.SendAsync(socket, """{"trnm":"SYSTEM","code":"R10001","message":"동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"}""", ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "duplicate", ct);
        };

        var run = await StreamAsync("00,04");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("server: R10001", run.Stderr);
        using var reg = JsonDocument.Parse(received.ToArray()[1]);
        var entry = reg.RootElement.GetProperty("data")[0];
        Assert.Equal([string.Empty], entry.GetProperty("item").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["00", "04"], entry.GetProperty("type").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task LoginAndRegisterAsync(WebSocket socket, CancellationToken ct)
    {
        await ExpectAsync(socket, "LOGIN", ct);
        await ScriptedSocket.SendAsync(socket, """{"trnm":"LOGIN","return_code":0,"return_msg":"","sor_yn":"Y"}""", ct);
        await ExpectAsync(socket, "REG", ct);
        await ScriptedSocket.SendAsync(socket, """{"trnm":"REG","return_code":0,"return_msg":""}""", ct);
    }

    private async Task ExpectAsync(WebSocket socket, string trnm, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(Patience);
        var message = await ScriptedSocket.ReceiveAsync(socket, bound.Token)
            ?? throw new InvalidOperationException($"The client went away before sending {trnm}.");
        received.Enqueue(message);
        Assert.Equal(trnm, ScriptedSocket.Trnm(message));
    }

    private string[] Arguments(params string[] args) =>
        ["stream", .. args, "--base-url", server.BaseUrl.ToString(), "--appkey", AppKey, "--secretkey", SecretKey];

    private async Task<CliRun> StreamAsync(params string[] args)
    {
        using var bound = new CancellationTokenSource(Patience);
        return await CliRun.RunAsync(Arguments(args), ct: bound.Token);
    }
}
