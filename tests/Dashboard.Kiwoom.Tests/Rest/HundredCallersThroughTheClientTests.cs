using Dashboard.Kiwoom.Tests.RateLimiting;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>REL-07: 100 parallel requests for one key stay within 5 per second where the server counts them.</summary>
public sealed class HundredCallersThroughTheClientTests
{
    [Fact]
    public async Task HundredParallelQueriesArriveAtMostFivePerSecond()
    {
        var harness = new RestHarness();
        var callers = Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => harness.Client.SendAsync(harness.Credential, new TestQuoteRequest($"{i:D6}"))))
            .ToArray();

        var results = await harness.RunAsync(Task.WhenAll(callers), TimeSpan.FromMinutes(1));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var arrivals = harness.Handler.Calls("ka10001").Select(r => r.ReceivedAt).ToList();
        Assert.Equal(100, arrivals.Count);
        Assert.Equal(1, harness.Handler.IssueCount);
        Assert.True(KiwoomRateLimiterTests.MaxInAnySecond(arrivals) <= 5);
    }
}
