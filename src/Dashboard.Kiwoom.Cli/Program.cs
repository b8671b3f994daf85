using System.Diagnostics;
using System.Text;
using Dashboard.Kiwoom.Cli;

// Korean names and the ▲▼ arrows must reach the terminal intact whatever the locale says.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

// The first Ctrl+C ends the command cleanly. One arriving within a second of it is the same
// interrupt delivered twice (timeout(1) signals the child and then its process group); a later one
// gets the default handling and kills the process, for when the clean stop hangs.
var sameInterrupt = TimeSpan.FromSeconds(1);
long? firstInterrupt = null;
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (firstInterrupt is null)
    {
        firstInterrupt = Stopwatch.GetTimestamp();
        e.Cancel = true;

        // Off the signal handler's thread, so the command's clean stop never runs inside the handler.
        _ = interrupted.CancelAsync();
    }
    else if (Stopwatch.GetElapsedTime(firstInterrupt.Value) < sameInterrupt)
    {
        e.Cancel = true;
    }
};

return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error, interrupted.Token);
