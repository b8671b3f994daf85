using Dashboard.Kiwoom.Auth;
using Dashboard.Kiwoom.RateLimiting;
using Dashboard.Kiwoom.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>The real send path (client, token source, OAuth client, rate limiter) over a fake Kiwoom and a fake clock.</summary>
internal sealed class RestHarness
{
    public const string AppKey = "APPKEY-7f3c9a1b2d4e6f8091a2b3c4d5e6f708";
    public const string SecretKey = "SECRET-0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5a6";
    public const string Account = "8123456711";

    public RestHarness(Action<KiwoomClientOptions>? configure = null, KiwoomEnvironment environment = KiwoomEnvironment.Simulator)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 0, 30, 0, TimeSpan.Zero));
        Handler = new FakeKiwoomHandler(Time);
        // Token tests issue, revoke and issue again within a second; the Auth budget itself is not
        // what they examine, so it must not hold them up (its default is checked in KiwoomRateLimiterTests).
        Options.AuthPerSecond = 10;
        configure?.Invoke(Options);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Logs = new FakeLogCollector();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new FakeLoggerProvider(Logs)));
        var httpClients = new FakeHttpClientFactory(Handler);
        Limiter = new KiwoomRateLimiter(options, Time, LoggerFactory.CreateLogger<KiwoomRateLimiter>());
        OAuth = new KiwoomOAuthClient(httpClients, Limiter, options, Time, LoggerFactory.CreateLogger<KiwoomOAuthClient>());
        Tokens = new KiwoomTokenSource(OAuth, options, Time, LoggerFactory.CreateLogger<KiwoomTokenSource>());
        Client = new KiwoomRestClient(httpClients, Tokens, Limiter, options, Time, LoggerFactory.CreateLogger<KiwoomRestClient>());
        Credential = new KiwoomCredential(AppKey, SecretKey, environment, environment == KiwoomEnvironment.Simulator ? new Uri("http://127.0.0.1:5080/sim/") : null);
    }

    public KiwoomClientOptions Options { get; } = new();

    public FakeTimeProvider Time { get; }

    public FakeKiwoomHandler Handler { get; }

    public FakeLogCollector Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    public KiwoomRateLimiter Limiter { get; }

    public KiwoomOAuthClient OAuth { get; }

    public KiwoomTokenSource Tokens { get; }

    public KiwoomRestClient Client { get; }

    public KiwoomCredential Credential { get; }

    /// <summary>
    /// Advances the fake clock in small steps until <paramref name="task"/> completes; fails after
    /// <paramref name="maxFakeTime"/> of fake time or 30 s of real time.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? maxFakeTime = null, TimeSpan? step = null)
    {
        await DriveAsync(task, maxFakeTime, step);
        return await task;
    }

    public async Task DriveAsync(Task task, TimeSpan? maxFakeTime = null, TimeSpan? step = null)
    {
        var limit = Time.GetUtcNow() + (maxFakeTime ?? TimeSpan.FromMinutes(2));
        var realDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var tick = step ?? TimeSpan.FromMilliseconds(50);
        while (!task.IsCompleted)
        {
            if (Time.GetUtcNow() > limit || DateTime.UtcNow > realDeadline)
            {
                throw new TimeoutException($"The operation did not finish within {maxFakeTime} of fake time.");
            }

            // Let continuations scheduled on the thread pool register their timers before time moves.
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted)
            {
                Time.Advance(tick);
            }
        }
    }
}
