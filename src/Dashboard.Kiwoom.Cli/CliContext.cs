using Dashboard.Kiwoom.Cli.Output;

namespace Dashboard.Kiwoom.Cli;

/// <summary>
/// What a command reads and writes: the standard streams (already wrapped so secrets are masked)
/// and the process environment, passed in so tests control both.
/// </summary>
internal sealed record CliContext(
    TextReader Stdin,
    TextWriter Stdout,
    TextWriter Stderr,
    Func<string, string?> GetEnvironmentVariable,
    SecretRedactor Redactor);
