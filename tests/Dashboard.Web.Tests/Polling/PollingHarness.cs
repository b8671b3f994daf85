using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Polling;

/// <summary>
/// A scheduler on a fake clock, driven like a discrete-event simulation: the clock jumps to the instant the
/// member's loop waits for, then the test waits (real time, with a deadline) until the loop has parked again.
/// </summary>
internal sealed class PollingHarness
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    public PollScheduler Scheduler { get; }

    public PollingHarness(int queriesPerSecond = 5, double share = 0.6)
    {
        Scheduler = new PollScheduler(
            Options.Create(new KiwoomClientOptions { QueriesPerSecond = queriesPerSecond }),
            Options.Create(new PollingOptions { BudgetShare = share }),
            Time,
            NullLogger<PollScheduler>.Instance);
    }

    /// <summary>Runs the key's loop until the fake clock reaches <paramref name="end"/>.</summary>
    public async Task RunUntilAsync(string keyId, DateTimeOffset end)
    {
        // Bounded: at most one step per 10 ms of fake time.
        for (var step = 0; step < 100_000; step++)
        {
            var loop = Scheduler.LoopOf(keyId) ?? throw new InvalidOperationException("The loop has ended.");
            await Eventually.TrueAsync(() => loop.Parked.Until is not null, TimeSpan.FromSeconds(5), "The loop did not park.");
            var (parks, until) = loop.Parked;
            if (until!.Value > end)
            {
                Time.Advance(end - Time.GetUtcNow());
                return;
            }

            Time.Advance(until.Value - Time.GetUtcNow());
            await Eventually.TrueAsync(() => loop.Parked is { Until: not null } p && p.Parks > parks, TimeSpan.FromSeconds(5), "The loop did not come round.");
        }

        throw new InvalidOperationException("The simulation did not reach its end.");
    }

    public Task RunForAsync(string keyId, TimeSpan span) => RunUntilAsync(keyId, Time.GetUtcNow() + span);
}
