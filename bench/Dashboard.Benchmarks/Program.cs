using BenchmarkDotNet.Running;

if (args is ["s5", ..])
{
    return await Dashboard.Benchmarks.Orders.S5OrderPath.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Dashboard.Benchmarks.RealtimeFrameBenchmarks).Assembly).Run(args);
return 0;
