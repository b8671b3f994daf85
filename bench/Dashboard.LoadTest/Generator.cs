using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Dashboard.LoadTest;

/// <summary>What the generator process measured between "mark" and "stop".</summary>
internal sealed record GeneratorResult(int Circuits, int Failed, long Batches, long Bytes, long MaxInFlight, double CpuMs, double WallMs, int Errors, string? FirstError, string JsCalls);

/// <summary>The headless tabs of one phase, wherever they run: started together, measured between a mark and a stop.</summary>
internal sealed class TabSet : IAsyncDisposable
{
    private readonly List<CircuitClient> clients;
    private readonly List<string> failures = [];
    private readonly Process process = Process.GetCurrentProcess();
    private readonly Stopwatch wall = new();
    private long batches;
    private long bytes;
    private TimeSpan cpu;

    public TabSet(Uri baseAddress, IEnumerable<string> cookies) =>
        clients = [.. cookies.Where(c => c.Length > 0).Select(c => new CircuitClient(baseAddress, c))];

    /// <summary>Starts every tab (four at a time, as a crowd of browsers would not all hit at once) and waits for each one's first render batch.</summary>
    public async Task<(int Running, int Failed, string? FirstError)> StartAsync(string path)
    {
        using var startLimit = new SemaphoreSlim(4);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30 + (clients.Count * 2)));
        await Task.WhenAll(clients.Select(async client =>
        {
            await startLimit.WaitAsync();
            try
            {
                await client.StartAsync(path, timeout.Token);
                await client.FirstBatch.WaitAsync(timeout.Token);
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex.Message);
                }
            }
            finally
            {
                startLimit.Release();
            }
        }));
        return (clients.Count - failures.Count, failures.Count, failures.FirstOrDefault());
    }

    public void Mark()
    {
        process.Refresh();
        (batches, bytes, cpu) = (clients.Sum(c => c.Batches), clients.Sum(c => c.Bytes), process.TotalProcessorTime);
        wall.Restart();
    }

    public GeneratorResult Stop()
    {
        process.Refresh();
        var errors = clients.Where(c => c.Error is not null).Select(c => c.Error!).ToList();
        var js = clients.SelectMany(c => c.JsCalls).GroupBy(kv => kv.Key).OrderByDescending(g => g.Sum(kv => kv.Value))
            .Select(g => $"{g.Key}×{g.Sum(kv => kv.Value)}");
        return new GeneratorResult(
            clients.Count - failures.Count, failures.Count, clients.Sum(c => c.Batches) - batches, clients.Sum(c => c.Bytes) - bytes,
            clients.Count == 0 ? 0 : clients.Max(c => c.MaxInFlight), (process.TotalProcessorTime - cpu).TotalMilliseconds,
            wall.Elapsed.TotalMilliseconds, errors.Count, errors.FirstOrDefault() ?? failures.FirstOrDefault(), string.Join(", ", js.Take(6)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}

/// <summary>
/// The headless tabs run in a process of their own, so the server's CPU and the generator's are measured
/// apart. This is the child side: <c>clients BASE COOKIES PATH</c>, one cookie header per line of the
/// COOKIES file; it prints "ready", then answers "mark" and "stop" on standard input.
/// </summary>
internal static class Generator
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var tabs = new TabSet(new Uri(args[1]), await File.ReadAllLinesAsync(args[2]));
        var (running, failed, firstError) = await tabs.StartAsync(args[3]);
        Console.WriteLine($"ready {running} {failed} {firstError}");
        while (Console.ReadLine() is { } command)
        {
            if (command == "mark")
            {
                tabs.Mark();
                Console.WriteLine("marked");
            }
            else if (command == "stop")
            {
                Console.WriteLine("result " + JsonSerializer.Serialize(tabs.Stop()));
                break;
            }
        }

        return 0;
    }
}

/// <summary>Where a phase's tabs run: a process of their own (the bench command) or this one (the smoke test).</summary>
internal interface ITabs : IAsyncDisposable
{
    Task<(int Running, int Failed, string? FirstError)> WaitReadyAsync();

    Task MarkAsync();

    Task<GeneratorResult> StopAsync();
}

/// <summary>Tabs in this process: CPU is not told apart from the server's, everything else is measured the same.</summary>
internal sealed class InProcessTabs(Uri baseAddress, IReadOnlyList<string> cookies, string path) : ITabs
{
    private readonly TabSet tabs = new(baseAddress, cookies);

    public Task<(int Running, int Failed, string? FirstError)> WaitReadyAsync() => tabs.StartAsync(path);

    public Task MarkAsync()
    {
        tabs.Mark();
        return Task.CompletedTask;
    }

    public Task<GeneratorResult> StopAsync() => Task.FromResult(tabs.Stop() with { CpuMs = double.NaN });

    public ValueTask DisposeAsync() => tabs.DisposeAsync();
}

/// <summary>The parent side: starts the generator process and talks to it line by line.</summary>
internal sealed class GeneratorProcess : ITabs
{
    private readonly Process process;
    private readonly string cookieFile;

    private GeneratorProcess(Process process, string cookieFile)
    {
        this.process = process;
        this.cookieFile = cookieFile;
    }

    public static GeneratorProcess Start(Uri baseAddress, IReadOnlyList<string> cookies, string path)
    {
        var cookieFile = Path.GetTempFileName();
        File.WriteAllLines(cookieFile, cookies);
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // The generator stands in for browsers, not for the server: Workstation GC keeps its own heap and threads small
        // beside the host's Server GC on the same two cores.
        info.Environment["DOTNET_gcServer"] = "0";
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(Generator).Assembly.Location);
        }

        foreach (var arg in new[] { "clients", baseAddress.ToString(), cookieFile, path })
        {
            info.ArgumentList.Add(arg);
        }

        return new GeneratorProcess(Process.Start(info)!, cookieFile);
    }

    /// <summary>Waits until every tab got its first render batch (or failed); returns how many run.</summary>
    public async Task<(int Running, int Failed, string? FirstError)> WaitReadyAsync()
    {
        var line = await ExpectAsync("ready ");
        var parts = line.Split(' ', 4);
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null);
    }

    public async Task MarkAsync()
    {
        await process.StandardInput.WriteLineAsync("mark");
        await ExpectAsync("marked");
    }

    public async Task<GeneratorResult> StopAsync()
    {
        await process.StandardInput.WriteLineAsync("stop");
        var line = await ExpectAsync("result ");
        return JsonSerializer.Deserialize<GeneratorResult>(line["result ".Length..])!;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        File.Delete(cookieFile);
    }

    private async Task<string> ExpectAsync(string prefix)
    {
        // Bounded: the generator prints a handful of lines; anything else (a crash) ends the wait.
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The generator process ended without \"{prefix.Trim()}\" (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }
}
