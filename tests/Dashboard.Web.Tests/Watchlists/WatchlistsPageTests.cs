using Bunit;
using Dashboard.Web.Components.Watchlists;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>The lists page with the real watchlist service on the test database.</summary>
public sealed class WatchlistsPageTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext bunit = new("en");

    public ValueTask DisposeAsync() => bunit.DisposeAsync();

    [Fact]
    public void ATypedNameEnablesCreateBeforeTheFieldLosesFocus()
    {
        var page = bunit.Render<WatchlistsPage>();
        Assert.True(page.Find(".watchlist-create").HasAttribute("disabled"));

        // Only the input events of typing: the click comes straight from the field, before any change or blur.
        page.Find("#watchlist-new-name").Input("Semis");
        Assert.False(page.Find(".watchlist-create").HasAttribute("disabled"));
        page.Find(".watchlist-create").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".watchlists-link"), l => l.TextContent.Contains("Semis", StringComparison.Ordinal)), Deadline);
    }
}
