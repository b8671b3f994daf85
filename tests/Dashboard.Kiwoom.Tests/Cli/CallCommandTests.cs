using System.Text.Json;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class CallCommandTests : IAsyncLifetime
{
    private const string AppKey = "APPKEY-call-3f9a8b7c6d5e4f3a2b1c";
    private const string SecretKey = "SECRET-call-9e8d7c6b5a4f3e2d1c0b";

    private ScriptedKiwoomServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedKiwoomServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task SendsTheFieldsWithApiIdAndTokenAndPrintsListRowsAsATable()
    {
        server.Reply = _ => new ScriptedReply(ChartPage("-70100", "20250124"));

        var run = await CallAsync("ka10081", "stk_cd=005930", "base_dt=20250124", "upd_stkpc_tp=1");

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/dostk/chart", request.Path);
        Assert.Equal("ka10081", request.ApiId);
        Assert.Equal("Bearer " + ScriptedKiwoomServer.Token, request.Authorization);
        using (var body = JsonDocument.Parse(request.Body))
        {
            Assert.Equal("005930", body.RootElement.GetProperty("stk_cd").GetString());
            Assert.Equal("20250124", body.RootElement.GetProperty("base_dt").GetString());
        }

        Assert.Contains("stk_dt_pole_chart_qry", run.Stdout);
        Assert.Contains("(1 rows)", run.Stdout);
        Assert.Contains("70,100 ▼", run.Stdout);
        Assert.Contains("2025-01-24", run.Stdout);
    }

    [Fact]
    public async Task AllPagesFollowsNextKeyAndPrintsEveryPageAsTypedJson()
    {
        server.Reply = request => request.NextKey switch
        {
            "" => new ScriptedReply(ChartPage("-70100", "20250124"), NextKey: "A00593020250123"),
            "A00593020250123" => new ScriptedReply(ChartPage("+71200", "20250123")),
            var other => throw new InvalidOperationException($"Unexpected next-key '{other}'."),
        };

        var run = await CallAsync("ka10081", "stk_cd=005930", "base_dt=20250124", "upd_stkpc_tp=1", "--all-pages", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("Y", requests[1].ContYn);
        Assert.Equal(requests[0].Body, requests[1].Body);
        using var json = JsonDocument.Parse(run.Stdout);
        var pages = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, pages.Count);
        var second = pages[1].GetProperty("stk_dt_pole_chart_qry")[0];
        Assert.Equal(71200, second.GetProperty("cur_prc").GetProperty("value").GetInt64());
        Assert.Equal("2025-01-23", second.GetProperty("dt").GetString());
    }

    [Fact]
    public async Task WithoutAllPagesOnlyTheFirstPageIsFetchedAndTheRestIsMentioned()
    {
        server.Reply = _ => new ScriptedReply(ChartPage("-70100", "20250124"), NextKey: "more");

        var run = await CallAsync("ka10081", "stk_cd=005930", "base_dt=20250124", "upd_stkpc_tp=1");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(server.Requests);
        Assert.Contains("--all-pages", run.Stderr);
    }

    [Fact]
    public async Task MaxPagesBoundsTheContinuation()
    {
        server.Reply = _ => new ScriptedReply(ChartPage("-70100", "20250124"), NextKey: "again");

        var run = await CallAsync("ka10081", "stk_cd=005930", "base_dt=20250124", "upd_stkpc_tp=1", "--all-pages", "--max-pages", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("(3 rows, 3 pages)", run.Stdout);
        Assert.Contains("stopped after 3 pages", run.Stderr);
    }

    [Fact]
    public async Task RawPrintsEachBodyAsReceivedOnePerLineForDecode()
    {
        server.Reply = request => request.NextKey == ""
            ? new ScriptedReply(ChartPage("-70100", "20250124"), NextKey: "k2")
            : new ScriptedReply(ChartPage("+71200", "20250123"));

        var run = await CallAsync("ka10081", "stk_cd=005930", "base_dt=20250124", "upd_stkpc_tp=1", "--all-pages", "--raw");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"cur_prc\":\"+71200\"", lines[1]);
        var decoded = await CliRun.RunAsync(["decode", "ka10081"], lines[0]);
        Assert.Equal(0, decoded.ExitCode);
        Assert.Contains("\"direction\": \"Down\"", decoded.Stdout);
    }

    [Fact]
    public async Task ABrokerErrorIsPrintedOnStandardErrorWithExitOne()
    {
        server.Reply = _ => new ScriptedReply("""{"return_code":7,"return_msg":"서비스를 처리하는 중에 오류가 발생했습니다[1903:종목 정보가 없습니다]"}""");

        var run = await CallAsync("ka10001", "stk_cd=999999");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("return_code 7/1903", run.Stderr);
        Assert.Contains("종목 정보가 없습니다", run.Stderr);
    }

    [Fact]
    public async Task RawPrintsAnErrorAnswerTooForBugReports()
    {
        const string refusal = """{"return_code":2,"return_msg":"입력 값 오류입니다[1511:필수 입력 값에 값이 존재하지 않습니다]"}""";
        server.Reply = _ => new ScriptedReply(refusal);

        var run = await CallAsync("ka10001", "stk_cd=005930", "--raw");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(refusal, run.Stdout.TrimEnd('\n'));
        Assert.Contains("1511", run.Stderr);
    }

    [Fact]
    public async Task ATokenRefusalIsABrokerError()
    {
        server.TokenAnswer = """{"return_code":3,"return_msg":"인증에 실패했습니다[8001:App Key와 Secret Key 검증에 실패했습니다]"}""";

        var run = await CallAsync("ka10001", "stk_cd=005930");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(server.Requests);
        Assert.Contains("8001", run.Stderr);
    }

    [Fact]
    public async Task AnUnknownFieldIsAUsageErrorNamingTheKnownFields()
    {
        var run = await CallAsync("ka10081", "stk_cd=005930", "base_date=20250124");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'base_date'", run.Stderr);
        Assert.Contains("base_dt (required)", run.Stderr);
        Assert.Contains("upd_stkpc_tp (required)", run.Stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AMissingRequiredFieldIsAUsageErrorNamingIt()
    {
        var run = await CallAsync("ka10081", "stk_cd=005930");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs these fields", run.Stderr);
        Assert.Contains("base_dt", run.Stderr);
        Assert.Contains("upd_stkpc_tp", run.Stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AnOrderOutsideTheSimulatorNeedsConfirm()
    {
        var run = await CallAsync("kt10000", "dmst_stex_tp=KRX", "stk_cd=005930", "ord_qty=1", "trde_tp=3", "--env", "mock");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--confirm", run.Stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task NothingAnswersOnAClosedPortIsATransportError()
    {
        var closed = new Uri("http://127.0.0.1:9/");

        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--base-url", closed.ToString(), "--appkey", AppKey, "--secretkey", SecretKey]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Transport", run.Stderr);
    }

    [Fact]
    public async Task CredentialsComeFromTheEnvironmentWhenNotOnTheCommandLine()
    {
        server.Reply = _ => new ScriptedReply("""{"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+70100","return_code":0,"return_msg":"정상적으로 처리되었습니다"}""");
        var environment = new Dictionary<string, string> { ["KIWOOM_APPKEY"] = AppKey, ["KIWOOM_SECRETKEY"] = SecretKey };

        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--base-url", server.BaseUrl.ToString()], environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("삼성전자", run.Stdout);
    }

    private static string ChartPage(string price, string date) => $$"""
        {"stk_cd":"005930","stk_dt_pole_chart_qry":[{"cur_prc":"{{price}}","trde_qty":"9263135","trde_prica":"648525",
          "dt":"{{date}}","open_pric":"+71000","high_pric":"+71500","low_pric":"-70000","pred_pre":"-600",
          "pred_pre_sig":"5","trde_tern_rt":"+0.16"}],"return_code":0,"return_msg":"정상적으로 처리되었습니다"}
        """;

    private Task<CliRun> CallAsync(params string[] args) =>
        CliRun.RunAsync(["call", .. args, "--base-url", server.BaseUrl.ToString(), "--appkey", AppKey, "--secretkey", SecretKey]);
}
