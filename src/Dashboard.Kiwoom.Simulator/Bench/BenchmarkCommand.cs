namespace Dashboard.Kiwoom.Simulator.Bench;

/// <summary>Starts the simulator on loopback and measures sustained REST requests/s and REAL frames/s.</summary>
internal static class BenchmarkCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"bench: not built yet ({args.Length} args)");
        return Task.FromResult(2);
    }
}
