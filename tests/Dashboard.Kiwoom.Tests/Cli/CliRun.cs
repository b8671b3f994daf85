using Dashboard.Kiwoom.Cli;

namespace Dashboard.Kiwoom.Tests.Cli;

/// <summary>One in-process run of the <c>kiwoom</c> command line: exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs with no environment variables unless given, so the machine's own KIWOOM_* never leak in.</summary>
    public static async Task<CliRun> RunAsync(string[] args, string stdin = "", IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var stdout = new ConcurrentTextWriter();
        var stderr = new ConcurrentTextWriter();
        var exit = await StartAsync(args, stdout, stderr, stdin, environment, ct);
        return new CliRun(exit, stdout.Text, stderr.Text);
    }

    public static Task<int> StartAsync(string[] args, ConcurrentTextWriter stdout, ConcurrentTextWriter stderr, string stdin = "", IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default) =>
        CliApp.RunAsync(args, new StringReader(stdin), stdout, stderr, name => environment?.GetValueOrDefault(name), ct);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
