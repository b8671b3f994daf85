namespace Dashboard.Kiwoom.Cli.CommandLine;

/// <summary>
/// The command line cannot be run as given. Thrown while arguments are read and caught once in
/// <see cref="CliApp"/>, which prints <see cref="Exception.Message"/> and the command's usage and exits with 2.
/// </summary>
internal sealed class UsageException(string message, string usage) : Exception(message)
{
    /// <summary>The usage text of the command that was being read.</summary>
    public string Usage { get; } = usage;
}
