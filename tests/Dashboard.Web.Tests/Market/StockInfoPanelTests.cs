using Bunit;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Components.Market;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Vi;

namespace Dashboard.Web.Tests.Market;

/// <summary>The stock page's figures from ka10001 as Kiwoom writes them (signed, padded, blank for ETFs) and the day's investors from ka10059.</summary>
public sealed class StockInfoPanelTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public void TheFiguresReadAsKiwoomSendsThemWithDirectionSignsDropped()
    {
        var fundamentals = StockFundamentals.From(ViWire.Decode<Ka10001Response>(
            """{"return_code":0,"return_msg":"ok","stk_cd":"005930","stk_nm":"삼성전자","cur_prc":"+71000","mac":"4238000","per":"12.34","pbr":"1.15","eps":"5754","roe":"9.80","250hgst":"+88800","250lwst":"-49900","for_exh_rt":"+52.31"}""", "ka10001"));

        var panel = bunit.Render<StockInfoPanel>(p => p.Add(v => v.Fundamentals, fundamentals));

        Assert.Contains("423,800 bn won", Field(panel, "market-cap"));
        Assert.Equal("12.34", Field(panel, "per"));
        Assert.Equal("1.15", Field(panel, "pbr"));
        Assert.Equal("5,754", Field(panel, "eps"));
        Assert.Equal("9.80%", Field(panel, "roe"));
        Assert.Equal("88,800", Field(panel, "high-250"));
        Assert.Equal("49,900", Field(panel, "low-250"));
        Assert.Equal("52.31%", Field(panel, "foreign"));
    }

    [Fact]
    public void AFundWithoutCompanyFiguresShowsDashesNotZeros()
    {
        var fundamentals = StockFundamentals.From(ViWire.Decode<Ka10001Response>(
            """{"return_code":0,"return_msg":"ok","stk_cd":"069500","stk_nm":"KODEX 200","cur_prc":"+35000","per":"","pbr":"","eps":"","roe":""}""", "ka10001"));

        var panel = bunit.Render<StockInfoPanel>(p => p.Add(v => v.Fundamentals, fundamentals));

        Assert.Equal("-", Field(panel, "per"));
        Assert.Equal("-", Field(panel, "pbr"));
        Assert.Equal("-", Field(panel, "roe"));
    }

    [Fact]
    public void TodaysInvestorRowShowsNetBuyingRedAndNetSellingBlue()
    {
        var response = ViWire.Decode<Ka10059Response>(
            """{"return_code":0,"return_msg":"ok","stk_invsr_orgn":[{"dt":"20261202","cur_prc":"+71000","ind_invsr":"-120500","frgnr_invsr":"+98000","orgn":"+22500"},{"dt":"20261201","cur_prc":"+70000","ind_invsr":"+1","frgnr_invsr":"-1","orgn":"0"}]}""", "ka10059");

        var flows = InvestorFlows.From(response, Today);
        var panel = bunit.Render<StockInfoPanel>(p => p.Add(v => v.Investors, flows));

        Assert.NotNull(flows);
        Assert.Contains("-120,500", Row(panel, "individual").TextContent);
        Assert.Contains("price-down", Row(panel, "individual").QuerySelector("td.text-right")!.ClassName);
        Assert.Contains("+98,000", Row(panel, "foreign").TextContent);
        Assert.Contains("price-up", Row(panel, "foreign").QuerySelector("td.text-right")!.ClassName);
        Assert.Contains("+22,500", Row(panel, "institution").TextContent);
        Assert.Null(InvestorFlows.From(response, Today.AddDays(1)));
    }

    private static string Field(IRenderedComponent<StockInfoPanel> panel, string name) => panel.Find($"[data-field='{name}'] dd").TextContent.Trim();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<StockInfoPanel> panel, string investor) => panel.Find($"tr[data-investor='{investor}']");
}
