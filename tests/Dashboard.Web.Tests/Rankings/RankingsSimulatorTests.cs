using Bunit;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Web.Components.Rankings;
using Dashboard.Web.Market.Rankings;
using Dashboard.Web.Market.Screens;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Explorer;

namespace Dashboard.Web.Tests.Rankings;

/// <summary>
/// Every ranking TR of the picker, with the parameters it opens with, answered by the embedded simulator
/// over loopback through the member session (the screen's own query path) and drawn by the screen's table.
/// </summary>
public sealed class RankingsSimulatorTests(ExplorerHost simulator) : IClassFixture<ExplorerHost>
{
    public static TheoryData<string> RankingTrs() => [.. RankingThemes.Forms.Select(f => f.ApiId)];

    [Theory]
    [MemberData(nameof(RankingTrs))]
    public async Task EveryRankingTrAnswersFromTheSimulatorAndRendersRows(string apiId)
    {
        var form = TrForms.Find(apiId)!;

        var page = await TrScreenQuery.FetchAsync(simulator.Session.Queries, form, TrScreenQuery.Defaults(form));

        Assert.True(page.IsSuccess, page.Error?.ToString());
        var table = Assert.IsType<ScreenTable>(page.Value.Table);
        Assert.NotEmpty(table.Rows);
        await using var bunit = new DashboardTestContext("ko");
        var view = bunit.Render<ScreenTableView>(p => p.Add(v => v.Table, table));
        Assert.Equal(table.Rows.Count, view.FindAll("tr.screen-row").Count);
        Assert.Equal(table.Columns.Count + 1, view.FindAll("thead th").Count);
        if (table.CodeColumns.Count > 0)
        {
            Assert.NotEmpty(view.FindAll("tr.screen-row a.screen-code"));
        }
    }
}
