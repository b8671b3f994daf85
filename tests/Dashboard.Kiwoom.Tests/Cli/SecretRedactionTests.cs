using Dashboard.Kiwoom.Cli.Output;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class SecretRedactionTests : IAsyncLifetime
{
    private const string AppKey = "APPKEY-leak-test-5e6f7a8b9c0d1e2f";
    private const string SecretKey = "SECRET-leak-test-a1b2c3d4e5f60718";

    private ScriptedKiwoomServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedKiwoomServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("--json")]
    [InlineData("--verbose")]
    public async Task SecretsOnTheCommandLineNeverReachStandardOutputOrError(string mode)
    {
        // A careless server that echoes the keys and the token back must not make the CLI print them.
        server.Reply = request => new ScriptedReply(
            $$"""{"return_code":2,"return_msg":"입력 값 오류입니다[1511:appkey={{AppKey}} secretkey={{SecretKey}} token={{request.Authorization}}]"}""");

        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", mode, "--base-url", server.BaseUrl.ToString(), "--appkey", AppKey, "--secretkey=" + SecretKey]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1511", run.Stderr);
        var everything = run.Stdout + run.Stderr;
        Assert.DoesNotContain(AppKey, everything);
        Assert.DoesNotContain(SecretKey, everything);
        Assert.Contains(Secrets.Mask(AppKey), everything);
    }

    [Fact]
    public async Task SecretsFromTheEnvironmentAreMaskedToo()
    {
        server.Reply = _ => new ScriptedReply($$"""{"stk_cd":"005930","stk_nm":"{{SecretKey}}","return_code":0,"return_msg":"ok"}""");
        var environment = new Dictionary<string, string> { ["KIWOOM_APPKEY"] = AppKey, ["KIWOOM_SECRETKEY"] = SecretKey };

        var run = await CliRun.RunAsync(["call", "ka10001", "stk_cd=005930", "--base-url", server.BaseUrl.ToString()], environment: environment);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(SecretKey, run.Stdout + run.Stderr);
        Assert.Contains(Secrets.Mask(SecretKey), run.Stdout);
    }

    [Fact]
    public void ASecretWrittenInPiecesIsStillMasked()
    {
        var redactor = new SecretRedactor();
        redactor.Add(SecretKey);
        var sink = new StringWriter();
        using (var writer = new RedactingTextWriter(sink, redactor))
        {
            writer.Write("key: ");
            writer.Write(SecretKey[..10]);
            writer.Write(SecretKey[10..]);
            writer.WriteLine(" end");
            writer.Write("tail " + SecretKey);
        }

        Assert.Equal($"key: {Secrets.Mask(SecretKey)} end{Environment.NewLine}tail {Secrets.Mask(SecretKey)}", sink.ToString());
    }
}
