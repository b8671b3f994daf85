namespace Dashboard.Kiwoom.Cli;

/// <summary>What the process returns; scripts branch on these.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The broker (or the input) said no: an error answer, no answer, or a body that is not a response.</summary>
    public const int BrokerError = 1;

    /// <summary>The command line itself was wrong; usage help went to standard error.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C) before a one-shot command finished, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
