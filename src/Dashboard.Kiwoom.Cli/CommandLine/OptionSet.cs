namespace Dashboard.Kiwoom.Cli.CommandLine;

/// <summary>The options one command accepts: those that take a value and plain flags.</summary>
internal sealed record OptionSet(IReadOnlySet<string> ValueOptions, IReadOnlySet<string> Flags)
{
    /// <summary>Options every command that talks to Kiwoom accepts.</summary>
    public static IReadOnlySet<string> ConnectionOptions { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "--env", "--base-url", "--appkey", "--secretkey" };

    public static OptionSet Of(IEnumerable<string> valueOptions, IEnumerable<string> flags) =>
        new(new HashSet<string>(valueOptions, StringComparer.Ordinal), new HashSet<string>(flags.Append("--help").Append("-h"), StringComparer.Ordinal));
}
