using System.Text.Json;
using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Elw;
using Dashboard.Web.Components.Etf;
using Dashboard.Web.Components.Flows;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Screens;

/// <summary>
/// The ETF list, ELW list and flows screens against a fake session: rows in red up / blue down, each code
/// linked to the right page (ETF and ELW pages, the stock page for flows), every section in the member's poll plan.
/// </summary>
public sealed class ScreenListsTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void TheEtfListLinksEachEtfToItsOwnPage()
    {
        session.FakeQueries.Answer("ka40004", _ => JsonSerializer.Deserialize(
            """
            {"etfall_mrpr":[
              {"stk_cd":"069500","stk_nm":"KODEX 200","close_pric":"+35000","pre_sig":"2","pred_pre":"+150","pre_rt":"+0.43","trde_qty":"1000","nav":"35010.25"},
              {"stk_cd":"114800","stk_nm":"KODEX 인버스","close_pric":"-4500","pre_sig":"5","pred_pre":"-20","pre_rt":"-0.44","trde_qty":"900","nav":"4498.10"}],
             "return_code":0,"return_msg":"ok"}
            """, KiwoomJsonContext.Default.Ka40004Response)!);

        var page = bunit.Render<EtfListPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-api='ka40004'] tr.tr-row").Count));
        Assert.Equal(["etf/069500", "etf/114800"], page.FindAll("td[data-column='stk_nm'] a").Select(a => a.GetAttribute("href")));
        Assert.Contains("price-up", page.FindAll("td[data-column='pre_rt']")[0].ClassName);
        Assert.Contains("price-down", page.FindAll("td[data-column='pre_rt']")[1].ClassName);
        Assert.Equal("0000", Assert.IsType<Ka40004Request>(session.FakeQueries.Sent.Single()).Mngmcomp);
    }

    [Fact]
    public void TheElwSearchLinksEachElwToItsOwnPage()
    {
        session.FakeQueries.Answer("ka30005", _ => JsonSerializer.Deserialize(
            """
            {"elwcnd_qry":[{"stk_cd":"57JBHH","stk_nm":"KB삼성전자콜","base_aset_nm":"삼성전자","rght_tp":"콜","cur_prc":"+125","pre_tp":"2","pred_pre":"+5","flu_rt":"+4.17"}],
             "return_code":0,"return_msg":"ok"}
            """, KiwoomJsonContext.Default.Ka30005Response)!);

        var page = bunit.Render<ElwListPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-api='ka30005'] tr.tr-row")));
        Assert.Equal("elw/57JBHH", page.Find("td[data-column='stk_cd'] a").GetAttribute("href"));
        Assert.Equal("elw/57JBHH", page.Find("td[data-column='stk_nm'] a").GetAttribute("href"));
    }

    [Fact]
    public void ProgramTradingRowsLinkToTheStockPageAndEverySectionIsInThePollPlan()
    {
        session.FakeQueries.Answer("ka90003", _ => JsonSerializer.Deserialize(
            """
            {"prm_netprps_upper_50":[{"rank":"1","stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+70000","flu_sig":"2","pred_pre":"+500","flu_rt":"+0.72"}],
             "return_code":0,"return_msg":"ok"}
            """, KiwoomJsonContext.Default.Ka90003Response)!);

        var page = bunit.Render<FlowsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-api='ka90003'] tr.tr-row")));
        Assert.Equal("market/005930", page.Find("[data-api='ka90003'] td[data-column='stk_nm'] a").GetAttribute("href"));
        var panels = page.FindAll(".tr-panel");
        Assert.True(panels.Count > 1);
        page.WaitForAssertion(() => Assert.All(page.FindAll(".tr-panel .refresh-status"), s => Assert.NotEqual("off", s.GetAttribute("data-state"))));
        Assert.Equal(panels.Count, page.FindAll(".tr-panel .refresh-status").Count);
        Assert.NotNull(bunit.Services.GetRequiredService<PollScheduler>().LoopOf(session.KeyId));
    }
}
