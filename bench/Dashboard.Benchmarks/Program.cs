using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Dashboard.Benchmarks.RealtimeFrameBenchmarks).Assembly).Run(args);
