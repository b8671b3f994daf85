using Bunit;
using Dashboard.Web.Components.Watchlists;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Watchlists;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>The CSV panel alone, its import held open by the test as a slow broker or database would hold it.</summary>
public sealed class WatchlistCsvPanelTests : IAsyncDisposable
{
    private readonly List<IReadOnlyList<WatchlistCsvRow>> imported = [];
    private readonly TaskCompletionSource<WatchlistImportResult> importing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DashboardTestContext bunit = new("en");

    public async ValueTask DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void AnImportThatEndsClearsThePastedText()
    {
        var panel = Render();
        StartImporting(panel, "005930,memory cycle");
        importing.SetResult(new WatchlistImportResult(WatchlistOutcome.Ok, 1, []));

        panel.WaitForAssertion(() => Assert.Equal(string.Empty, Pasted(panel)));
        Assert.Equal("005930", Assert.Single(Assert.Single(imported)).Code);
    }

    [Fact]
    public void AnImportThatEndsAfterMoreTextWasPastedLeavesTheNewText()
    {
        var panel = Render();
        StartImporting(panel, "005930,memory cycle");

        // The imported rows show (the list's own change notice) while the import still reads prices: the member pastes
        // the next lines before it returns.
        panel.Find(".watchlist-import-text textarea").Input("000660,HBM share");
        importing.SetResult(new WatchlistImportResult(WatchlistOutcome.Ok, 1, []));

        panel.WaitForAssertion(() => Assert.False(panel.Find(".watchlist-import").HasAttribute("disabled")));
        Assert.Equal("000660,HBM share", Pasted(panel));
    }

    private IRenderedComponent<WatchlistCsvPanel> Render() => bunit.Render<WatchlistCsvPanel>(p => p
        .Add(x => x.Details, new WatchlistDetails(Guid.NewGuid(), "Mine", IsTeam: false, CanEdit: true, Version: 1, []))
        .Add(x => x.ImportAsync, rows =>
        {
            imported.Add(rows);
            return importing.Task;
        }));

    private static string Pasted(IRenderedComponent<WatchlistCsvPanel> panel) => panel.Find(".watchlist-import-text textarea").GetAttribute("value") ?? string.Empty;

    /// <summary>Pastes the text and clicks Import; the import then waits for the test.</summary>
    private static void StartImporting(IRenderedComponent<WatchlistCsvPanel> panel, string text)
    {
        panel.Find(".watchlist-import-text textarea").Input(text);
        panel.Find(".watchlist-import").Click();
    }
}
