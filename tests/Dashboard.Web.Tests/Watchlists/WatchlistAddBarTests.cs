using Bunit;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Watchlists;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;
using MudBlazor;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>The add bar alone, its add held open by the test as a slow broker or database would hold it.</summary>
public sealed class WatchlistAddBarTests : IAsyncDisposable
{
    private static readonly StockListing Samsung = new("005930", "Samsung Electronics", "KOSPI");
    private static readonly StockListing Hynix = new("000660", "SK hynix", "KOSPI");

    private readonly List<(StockListing Stock, string? Note)> added = [];
    private TaskCompletionSource<bool> adding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DashboardTestContext bunit = new("en", services => services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(new FakeBrokerSession())));

    public async ValueTask DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task AnAddThatEndsClearsTheStockAndNoteItAdded()
    {
        var bar = Render();
        await StartAddingAsync(bar, Samsung, "memory cycle");
        adding.SetResult(true);

        // Add is disabled while the add runs too, so wait for the cleared fields, not for the button.
        bar.WaitForAssertion(() => Assert.Equal(string.Empty, Searched(bar)));
        Assert.Equal(string.Empty, bar.Find("#watchlist-add-note").GetAttribute("value") ?? string.Empty);
        Assert.True(bar.Find(".watchlist-add-button").HasAttribute("disabled"));
        Assert.Equal([(Samsung, "memory cycle")], added);
    }

    [Fact]
    public async Task AnAddThatEndsAfterTheNextStockWasStartedLeavesTheNextStockAndItsNote()
    {
        var bar = Render();
        await StartAddingAsync(bar, Samsung, "memory cycle");
        Assert.Single(added);

        // The row is already on the page (the list's own change notice) while the add still reads prices: the member
        // goes on with the next stock before it returns.
        await PickAsync(bar, Hynix);
        bar.Find("#watchlist-add-note").Input("HBM share");
        adding.SetResult(true);

        bar.WaitForAssertion(() => Assert.False(bar.Find(".watchlist-add-button").HasAttribute("disabled")));
        Assert.Equal("SK hynix (000660)", Searched(bar));
        Assert.Equal("HBM share", bar.Find("#watchlist-add-note").GetAttribute("value"));

        adding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        bar.Find(".watchlist-add-button").Click();
        Assert.Equal([(Samsung, "memory cycle"), (Hynix, "HBM share")], added);
    }

    [Fact]
    public async Task AnAddThatFailsKeepsTheStockAndNoteForAnotherTry()
    {
        var bar = Render();
        await StartAddingAsync(bar, Samsung, "memory cycle");
        adding.SetResult(false);

        bar.WaitForAssertion(() => Assert.False(bar.Find(".watchlist-add-button").HasAttribute("disabled")));
        Assert.Equal("Samsung Electronics (005930)", Searched(bar));
        Assert.Equal("memory cycle", bar.Find("#watchlist-add-note").GetAttribute("value"));
    }

    private IRenderedComponent<WatchlistAddBar> Render() => bunit.Render<WatchlistAddBar>(p => p.Add(x => x.AddAsync, (stock, note) =>
    {
        added.Add((stock, note));
        return adding.Task;
    }));

    private static string Searched(IRenderedComponent<WatchlistAddBar> bar) => bar.Find("#watchlist-add-search").GetAttribute("value") ?? string.Empty;

    /// <summary>Picks the stock, types the note and clicks Add; the add then waits for the test.</summary>
    private static async Task StartAddingAsync(IRenderedComponent<WatchlistAddBar> bar, StockListing stock, string note)
    {
        await PickAsync(bar, stock);
        bar.Find("#watchlist-add-note").Input(note);
        bar.Find(".watchlist-add-button").Click();
    }

    /// <summary>Chooses a stock the way a click on a search result does.</summary>
    private static async Task PickAsync(IRenderedComponent<WatchlistAddBar> bar, StockListing stock)
    {
        var picker = bar.FindComponent<MudAutocomplete<StockListing>>();
        await picker.InvokeAsync(() => picker.Instance.SelectOptionAsync(stock));
    }
}
