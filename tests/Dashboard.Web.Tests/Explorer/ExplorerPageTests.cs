using System.Globalization;
using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Explorer;
using Dashboard.Web.Tests.Market;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>The explorer page and its request panel against a fake session (no broker, no simulator).</summary>
public sealed class ExplorerPageTests : IAsyncLifetime
{
    private readonly BunitContext bunit = MarketTestContext.Create();
    private readonly FakeBrokerQueries queries = new();
    private readonly Dashboard.Web.Tests.Orders.FakeOrderService orders = new();

    public ExplorerPageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void SearchFindsTrsByIdKoreanNameEnglishNameAndCategory()
    {
        var page = RenderPage();

        Assert.Equal(60, page.FindAll(".explorer-result").Count);
        Search(page, "주식일봉");
        Assert.Equal(["ka10081"], Results(page));
        Search(page, "stock daily chart");
        Assert.Equal(["ka10081"], Results(page));
        Search(page, "KT10000");
        Assert.Equal(["kt10000"], Results(page));
        Search(page, "credit_order");
        Assert.Equal(TrForms.All.Count(f => f.Category == "credit_order"), Results(page).Count);
        Search(page, "no such thing");
        Assert.NotNull(page.Find(".explorer-nomatch"));
    }

    [Fact]
    public void TheFormIsBuiltFromTheCatalogWithExampleDefaultsRequiredMarksAndCodeSelects()
    {
        var panel = RenderPanel("ka10027");

        var market = panel.Find("[data-field=mrkt_tp]");
        Assert.Contains("*", market.TextContent);
        Assert.NotEmpty(market.QuerySelectorAll(".mud-select"));
        Assert.Equal("005930", RenderPanel("ka10081").Find("#field-stk_cd").GetAttribute("value"));
    }

    [Fact]
    public void ABlankRequiredFieldIsNamedAndNothingIsSent()
    {
        var panel = RenderPanel("ka10081");

        panel.Find("#field-stk_cd").Change(string.Empty);
        panel.Find(".explorer-send").Click();

        Assert.Contains("stk_cd is required", panel.Find(".explorer-error").TextContent);
        Assert.Empty(queries.Calls);
    }

    [Theory]
    [InlineData("kt10000", "Trader role")]
    [InlineData("kt50003", "Trader role")]
    [InlineData("au10001", "issued and revoked by the session")]
    [InlineData("ka10171", "WebSocket")]
    public void OrderTokenAndWebSocketTrsAreShownWithSendDisabledAndTheReason(string apiId, string reason)
    {
        var panel = RenderPanel(apiId);

        Assert.Contains(reason, panel.Find(".explorer-refusal").TextContent);
        Assert.True(panel.Find("button.explorer-send").HasAttribute("disabled"));
        Assert.Equal(TrForms.Find(apiId)!.Fields.Count, panel.FindAll(".explorer-field").Count);
        Assert.Empty(panel.FindAll(".explorer-cli"));
        Assert.Empty(queries.Calls);
        Assert.Empty(orders.Placed);
    }

    [Fact]
    public void MoreFetchesTheNextPageWithTheContinuationAndAppendsItsRows()
    {
        queries.Answers.Enqueue(FakeBrokerQueries.Page("ka10081", ChartPage("-70100", "20250124"), nextKey: "page-2"));
        queries.Answers.Enqueue(FakeBrokerQueries.Page("ka10081", ChartPage("+71200", "20250123")));
        var panel = RenderPanel("ka10081");

        panel.Find(".explorer-send").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".explorer-row")));
        Assert.Contains("70,100 ▼", panel.Find(".explorer-row .price-down").TextContent);
        panel.Find(".explorer-more").Click();
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".explorer-row").Count));

        Assert.Equal(2, queries.Calls.Count);
        Assert.Null(queries.Calls[0].Continuation);
        Assert.Equal("page-2", queries.Calls[1].Continuation?.NextKey);
        Assert.Equal(queries.Calls[0].Body, queries.Calls[1].Body);
        Assert.Contains("71,200 ▲", panel.FindAll(".explorer-row")[1].TextContent);
        Assert.Empty(panel.FindAll(".explorer-more"));
        Assert.Equal(2, panel.FindAll(".explorer-raw-page").Count);
    }

    [Fact]
    public void ABrokerErrorIsShownWithItsMessage()
    {
        queries.Answers.Enqueue(KiwoomResult<Dashboard.Kiwoom.Rest.KiwoomRawResponse>.Failure(
            new KiwoomError(KiwoomErrorKind.InvalidRequest, 2, "1511", "필수 입력 값에 값이 존재하지 않습니다")));
        var panel = RenderPanel("ka10001");

        panel.Find(".explorer-send").Click();

        panel.WaitForAssertion(() => Assert.Contains("필수 입력 값", panel.Find(".explorer-broker-error").TextContent));
    }

    [Fact]
    public void CopyAsCliIsTheExactCommandWithTheFieldsAndTheEnvironmentAndNoKeys()
    {
        var panel = RenderPanel("ka10081");

        panel.Find("#field-base_dt").Change("20250124");

        Assert.Equal("kiwoom call ka10081 stk_cd=005930 base_dt=20250124 upd_stkpc_tp=1 --env mock", panel.Find(".explorer-cli").TextContent);
    }

    [Fact]
    public void WithoutAConnectionTheFormStillShowsButNothingCanBeSent()
    {
        var panel = RenderPanel("ka10001", hasSession: false);

        Assert.NotNull(panel.Find(".explorer-unavailable"));
        Assert.True(panel.Find("button.explorer-send").HasAttribute("disabled"));
    }

    private IRenderedComponent<ExplorerPage> RenderPage()
    {
        Setup(hasSession: true);
        return bunit.Render<ExplorerPage>();
    }

    private IRenderedComponent<TrRequestPanel> RenderPanel(string apiId, bool hasSession = true)
    {
        Setup(hasSession);
        return bunit.Render<TrRequestPanel>(p => p.Add(c => c.Form, TrForms.Find(apiId)!));
    }

    private void Setup(bool hasSession)
    {
        if (bunit.Services.All(d => d.ServiceType != typeof(IBrokerSessions)))
        {
            bunit.Services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(queries, KiwoomEnvironment.Mock, hasSession));
            // A signed-in Viewer: query TRs only (ExplorerOrderTests covers a Trader's orders).
            bunit.Services.AddSingleton<Dashboard.Web.Orders.IOrderService>(orders);
            bunit.Services.AddSingleton(TimeProvider.System);
            bunit.AddAuthorization().SetAuthorized("viewer@team.test");
            bunit.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        }
    }

    private static void Search(IRenderedComponent<ExplorerPage> page, string text) => page.Find("#explorer-search").Input(text);

    private static List<string> Results(IRenderedComponent<ExplorerPage> page) =>
        [.. page.FindAll(".explorer-result").Select(e => e.GetAttribute("data-api")!)];

    private static string ChartPage(string price, string date) => $$"""
        {"stk_cd":"005930","stk_dt_pole_chart_qry":[{"cur_prc":"{{price}}","trde_qty":"9263135","dt":"{{date}}","pred_pre":"-600","pred_pre_sig":"5","trde_tern_rt":"+0.16"}],
         "return_code":0,"return_msg":"정상적으로 처리되었습니다"}
        """;
}
