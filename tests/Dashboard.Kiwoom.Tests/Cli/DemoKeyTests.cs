using System.Text.Json;
using Dashboard.Kiwoom.Cli.Hosting;

namespace Dashboard.Kiwoom.Tests.Cli;

/// <summary>The README's first example, <c>kiwoom call ka10001 stk_cd=005930 --env simulator</c>, works without keys.</summary>
public sealed class DemoKeyTests : IAsyncLifetime
{
    private const string Answer = """{"stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+70100","return_code":0,"return_msg":"정상적으로 처리되었습니다"}""";

    private ScriptedKiwoomServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedKiwoomServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task WithoutKeysTheSimulatorIsCalledWithItsDemoKeyPair()
    {
        server.Reply = _ => new ScriptedReply(Answer);

        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--env", "simulator", "--base-url", server.BaseUrl.ToString()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("삼성전자", run.Stdout);
        Assert.Contains("demo key", run.Stderr);
        using var token = JsonDocument.Parse(Assert.Single(server.TokenRequests));
        Assert.Equal(ConnectionSettings.DemoAppKey, token.RootElement.GetProperty("appkey").GetString());
        Assert.Equal(ConnectionSettings.DemoSecretKey, token.RootElement.GetProperty("secretkey").GetString());
    }

    [Fact]
    public async Task GivenKeysWinOverTheDemoPair()
    {
        server.Reply = _ => new ScriptedReply(Answer);
        var environment = new Dictionary<string, string> { ["KIWOOM_APPKEY"] = "APPKEY-own-1a2b3c4d5e6f", ["KIWOOM_SECRETKEY"] = "SECRET-own-6f5e4d3c2b1a" };

        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--env", "simulator", "--base-url", server.BaseUrl.ToString()], environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("demo key", run.Stderr);
        using var token = JsonDocument.Parse(Assert.Single(server.TokenRequests));
        Assert.Equal("APPKEY-own-1a2b3c4d5e6f", token.RootElement.GetProperty("appkey").GetString());
    }

    [Theory]
    [InlineData("mock")]
    [InlineData("production")]
    public async Task OutsideTheSimulatorMissingKeysAreStillAUsageError(string environment)
    {
        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--env", environment, "--base-url", server.BaseUrl.ToString()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No app key", run.Stderr);
        Assert.Empty(server.TokenRequests);
    }
}
