namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData]
    [InlineData("trade")]
    [InlineData("catalog", "list", "--colour")]
    [InlineData("call", "ka10001", "--max-pages")]
    [InlineData("call", "ka10001", "--json=yes")]
    [InlineData("call", "--env", "staging", "ka10001", "stk_cd=005930", "--appkey", "k1234567", "--secretkey", "s1234567")]
    [InlineData("call", "ka10001", "stk_cd=005930", "--base-url", "ftp://127.0.0.1/", "--appkey", "k1234567", "--secretkey", "s1234567")]
    [InlineData("call", "ka10001", "stk_cd=005930", "--all-pages", "--max-pages", "0", "--appkey", "k1234567", "--secretkey", "s1234567")]
    [InlineData("decode")]
    [InlineData("decode", "ka10001", "ka10002")]
    [InlineData("stream")]
    [InlineData("stream", "0Z", "005930")]
    [InlineData("stream", "0B")]
    [InlineData("stream", "0B", "005930", "--fields", "10,abc")]
    public async Task BadArgumentsPrintUsageOnStandardErrorAndExitTwo(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains("Usage:", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("call", "--help")]
    [InlineData("stream", "-h")]
    [InlineData("decode", "--help")]
    [InlineData("catalog", "--help")]
    public async Task HelpGoesToStandardOutputWithExitZero(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task MissingCredentialsOutsideTheSimulatorNameTheOptionsAndTheEnvironmentVariables()
    {
        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--env", "mock"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--appkey", run.Stderr);
        Assert.Contains("KIWOOM_APPKEY", run.Stderr);
    }

    [Fact]
    public async Task AMisspelledSecretOptionDoesNotEchoTheSecret()
    {
        const string secret = "SECRET-misspelled-4c5d6e7f8a9b";

        var run = await CliRun.RunAsync(["call", "ka10001", "--secret-key", secret, "stk_cd=005930"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--secret-key", run.Stderr);
        Assert.DoesNotContain(secret, run.Stderr + run.Stdout);
    }
}
