using Dashboard.Kiwoom.Rest;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>The one continuation loop the REST client and the routed (several-instance) queries share.</summary>
public sealed class KiwoomPagingTests
{
    [Fact]
    public async Task PagesUntilAPageSaysThereIsNoMoreAndHandsEachNextKeyToTheNextPage()
    {
        var sender = new PageSender(["KEY-2", "KEY-3", null]);

        var prices = new List<string?>();
        await foreach (var page in KiwoomPaging.FollowAsync<TestQuoteResponse>(sender.SendAsync, maxPages: 10))
        {
            prices.Add(page.Value!.CurrentPrice);
        }

        Assert.Equal(["1", "2", "3"], prices);
        Assert.Equal([null, "KEY-2", "KEY-3"], sender.Asked);
    }

    [Fact]
    public async Task StopsAtThePageLimitEvenWhenMorePagesAreOffered()
    {
        var sender = new PageSender(["a", "b", "c", "d", "e"]);

        var count = 0;
        await foreach (var page in KiwoomPaging.FollowAsync<TestQuoteResponse>(sender.SendAsync, maxPages: 3))
        {
            Assert.True(page.IsSuccess);
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal([null, "a", "b"], sender.Asked); // the fourth page is never asked for
    }

    [Fact]
    public async Task AFailedPageIsYieldedAndEndsTheSequence()
    {
        var sender = new PageSender(["KEY-2", "KEY-3", null]) { FailAt = 2 };

        var results = new List<KiwoomResult<TestQuoteResponse>>();
        await foreach (var page in KiwoomPaging.FollowAsync<TestQuoteResponse>(sender.SendAsync, maxPages: 10))
        {
            results.Add(page);
        }

        Assert.Equal(2, results.Count);
        Assert.True(results[0].IsSuccess);
        Assert.Equal("1999", results[1].Error!.DetailCode);
        Assert.Equal(2, sender.Asked.Count);
    }

    [Fact]
    public async Task APageLimitOfZeroIsRefused()
    {
        var sender = new PageSender([null]);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in KiwoomPaging.FollowAsync<TestQuoteResponse>(sender.SendAsync, maxPages: 0))
            {
            }
        });
        Assert.Empty(sender.Asked);
    }

    [Fact]
    public async Task TheCallersCancellationReachesEachPage()
    {
        using var cancel = new CancellationTokenSource();
        var sender = new PageSender(["KEY-2", null]);

        await foreach (var _ in KiwoomPaging.FollowAsync<TestQuoteResponse>(sender.SendAsync, maxPages: 10, cancel.Token))
        {
        }

        Assert.All(sender.Tokens, t => Assert.Equal(cancel.Token, t));
    }

    /// <summary>Answers page n with price n and the n-th next key (null: the last page); notes what it was asked.</summary>
    private sealed class PageSender(string?[] nextKeys)
    {
        public List<string?> Asked { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        /// <summary>1-based page that fails instead of answering (0: none).</summary>
        public int FailAt { get; init; }

        public Task<KiwoomResult<KiwoomPage<TestQuoteResponse>>> SendAsync(KiwoomContinuation? continuation, CancellationToken ct)
        {
            Asked.Add(continuation?.NextKey);
            Tokens.Add(ct);
            var page = Asked.Count;
            if (page == FailAt)
            {
                return Task.FromResult<KiwoomResult<KiwoomPage<TestQuoteResponse>>>(new KiwoomError(KiwoomErrorKind.Server, 7, "1999", "broken"));
            }

            var next = nextKeys[page - 1] is { } key ? new KiwoomContinuation(key) : null;
            var value = new TestQuoteResponse { CurrentPrice = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return Task.FromResult(KiwoomResult<KiwoomPage<TestQuoteResponse>>.Success(new KiwoomPage<TestQuoteResponse>(value, next)));
        }
    }
}
