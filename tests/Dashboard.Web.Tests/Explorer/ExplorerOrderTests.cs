using System.Globalization;
using System.Security.Claims;
using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Explorer;
using Dashboard.Web.Orders;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Orders;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>
/// Order TRs in the explorer: the form is read as an order and handed to the order service (never sent as a TR),
/// after a confirmation, for Traders only; modify and cancel find the member's own order by its number.
/// </summary>
public sealed class ExplorerOrderTests : IAsyncLifetime
{
    private readonly FakeBrokerQueries queries = new();
    private readonly FakeOrderService orders = new();
    private BunitContext? context;
    private FakeBrokerSessions? sessions;

    public ExplorerOrderTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("kt10000", OrderAction.Place, OrderProduct.Stock, OrderSide.Buy)]
    [InlineData("kt10001", OrderAction.Place, OrderProduct.Stock, OrderSide.Sell)]
    [InlineData("kt10002", OrderAction.Modify, OrderProduct.Stock, OrderSide.Buy)]
    [InlineData("kt10003", OrderAction.Cancel, OrderProduct.Stock, OrderSide.Buy)]
    [InlineData("kt10006", OrderAction.Place, OrderProduct.Credit, OrderSide.Buy)]
    [InlineData("kt10008", OrderAction.Modify, OrderProduct.Credit, OrderSide.Buy)]
    [InlineData("kt10009", OrderAction.Cancel, OrderProduct.Credit, OrderSide.Buy)]
    [InlineData("kt50000", OrderAction.Place, OrderProduct.Gold, OrderSide.Buy)]
    [InlineData("kt50001", OrderAction.Place, OrderProduct.Gold, OrderSide.Sell)]
    [InlineData("kt50002", OrderAction.Modify, OrderProduct.Gold, OrderSide.Buy)]
    [InlineData("kt50003", OrderAction.Cancel, OrderProduct.Gold, OrderSide.Buy)]
    public void EachOrderTrsDocumentedExampleReadsAsTheOrderItAsksFor(string apiId, OrderAction action, OrderProduct product, OrderSide side)
    {
        var (order, problems) = ExplorerOrder.Read(apiId, Example(apiId));

        Assert.Empty(problems);
        Assert.NotNull(order);
        Assert.Equal((action, product, side), (order.Action, order.Product, order.Side));
        Assert.NotEqual(string.Empty, order.StockCode);
        Assert.Equal(action != OrderAction.Place, order.OriginalOrderNumber is not null);
    }

    [Fact]
    public void EveryOrderTrOfTheRegistryIsReadAsAnOrderAndNothingElseIs()
    {
        var orderTrs = Dashboard.Kiwoom.Generated.KiwoomApis.All.Where(a => a.Kind == ApiKind.Order).Select(a => a.Id).Order().ToList();

        Assert.Equal(12, orderTrs.Count);
        Assert.All(orderTrs, id => Assert.True(ExplorerOrder.IsOrderTr(id), id));
        Assert.Equal(orderTrs, TrForms.All.Select(f => f.ApiId).Where(ExplorerOrder.IsOrderTr).Order().ToList());
    }

    [Fact]
    public void AMarketOrderCarriesNoPriceAndGroupedDigitsAreRead()
    {
        var values = Example("kt10000");
        values["trde_tp"] = "3";
        values["ord_uv"] = "71,000";
        values["ord_qty"] = "1,200";

        var (order, _) = ExplorerOrder.Read("kt10000", values);

        Assert.Equal(1_200, order!.Quantity);
        Assert.Null(order.Price);
    }

    [Theory]
    [InlineData("kt10000", "ord_qty", "", "OrderMissing")]
    [InlineData("kt10000", "ord_qty", "ten", "OrderNotANumber")]
    [InlineData("kt10000", "ord_qty", "-5", "OrderNotANumber")]
    [InlineData("kt10007", "crd_deal_tp", "33", "OrderCreditRepayAllOnly")]
    [InlineData("kt10003", "orig_ord_no", "A12", "OrderNotANumber")]
    [InlineData("kt10002", "mdfy_uv", "", "OrderMissing")]
    public void BadFieldsAreNamedAndNoOrderIsRead(string apiId, string field, string value, string problem)
    {
        var values = Example(apiId);
        values[field] = value;

        var (order, problems) = ExplorerOrder.Read(apiId, values);

        Assert.Null(order);
        Assert.Contains(new ExplorerOrderProblem(problem, field), problems);
    }

    [Fact]
    public void ATraderConfirmsAndTheOrderGoesThroughTheOrderServiceOnceNotAsATr()
    {
        var panel = Render("kt10000");
        panel.Find("#field-stk_cd").Change("005930");
        panel.Find("#field-ord_qty").Change("10");
        panel.Find("#field-ord_uv").Change("70,000");

        // The documented example is a market order (trde_tp 3): it carries no price even though one was typed.
        panel.Find(".explorer-send").Click();

        // The confirmation renders after the send's async checks: wait for it rather than reading at once.
        var summary = panel.WaitForElement(".explorer-order-summary").TextContent;
        Assert.Empty(orders.Placed);
        Assert.Contains("Buy 005930, 10 shares", summary);
        Assert.Contains("no price", summary);
        Assert.Contains("(3)", summary);
        Assert.Contains("simulator", panel.Find(".explorer-order-confirm").TextContent);
        Assert.Empty(panel.FindAll(".explorer-cli"));

        panel.WaitForElement(".explorer-order-place").Click();

        panel.WaitForAssertion(() => Assert.Contains("0000123", panel.Find(".explorer-order-result").TextContent));
        var ticket = Assert.Single(orders.Placed);
        Assert.Equal(("005930", OrderSide.Buy, 10L, (long?)null, "3", "KRX", OrderProduct.Stock),
            (ticket.StockCode, ticket.Side, ticket.Quantity, ticket.Price, ticket.TradeType, ticket.Exchange, ticket.Product));
        Assert.Equal(sessions!.Connection!.Id, ticket.ConnectionId);
        Assert.Empty(queries.Calls);

        // A second order from the same form is a new intent; the first was an order.
        panel.Find(".explorer-send").Click();
        panel.WaitForElement(".explorer-order-place").Click();
        panel.WaitForAssertion(() => Assert.Equal(2, orders.Placed.Count));
        Assert.NotEqual(orders.Placed.First().IntentId, orders.Placed.Last().IntentId);
    }

    [Fact]
    public void ARefusedOrderShowsTheServicesReasonAndKeepsItsIntentForTheRetry()
    {
        var panel = Render("kt10000");
        orders.Answer = t => OrderResult.Refused(t.IntentId, OrderOutcome.Refused, OrderRejection.Of("OrderValueTooLarge", null, 2_000_000, 1_000_000));

        panel.Find(".explorer-send").Click();
        panel.WaitForElement(".explorer-order-place").Click();
        panel.WaitForAssertion(() => Assert.Equal("Refused", panel.Find(".explorer-order-result").GetAttribute("data-outcome")));
        Assert.Contains("1,000,000", panel.Find(".explorer-order-result").TextContent);

        panel.Find(".explorer-send").Click();
        panel.WaitForElement(".explorer-order-place").Click();
        panel.WaitForAssertion(() => Assert.Equal(2, orders.Placed.Count));
        Assert.Equal(orders.Placed.First().IntentId, orders.Placed.Last().IntentId);
    }

    [Fact]
    public void ACancelFindsTheMembersOpenOrderByItsNumber()
    {
        var panel = Render("kt10003");
        var open = FakeOrderService.View(Guid.NewGuid(), "005930", OrderState.Accepted, "0000012");
        var closed = FakeOrderService.View(Guid.NewGuid(), "005930", OrderState.Cancelled, "0000012", open: 0);
        orders.Existing.AddRange([closed, open]);
        panel.Find("#field-orig_ord_no").Change("12");
        panel.Find("#field-stk_cd").Change("005930");
        panel.Find("#field-cncl_qty").Change("0");

        panel.Find(".explorer-send").Click();
        Assert.Contains("all open", panel.WaitForElement(".explorer-order-summary").TextContent);
        panel.WaitForElement(".explorer-order-place").Click();

        panel.WaitForAssertion(() => Assert.Single(orders.Cancelled));
        var cancel = orders.Cancelled.Single();
        Assert.Equal((open.IntentId, 0L), (cancel.OrderIntentId, cancel.Quantity));
    }

    [Theory]
    [InlineData("0000099", "005930", "none of your orders")]
    [InlineData("0000012", "000660", "differs from the original order")]
    public void AModifyOfAnOrderNotPlacedHereIsRefusedWithTheReasonAndNothingIsSent(string number, string code, string reason)
    {
        var panel = Render("kt10002");
        orders.Existing.Add(FakeOrderService.View(Guid.NewGuid(), "005930", OrderState.Accepted, "0000012"));
        panel.Find("#field-orig_ord_no").Change(number);
        panel.Find("#field-stk_cd").Change(code);

        panel.Find(".explorer-send").Click();
        panel.WaitForElement(".explorer-order-place").Click();

        panel.WaitForAssertion(() => Assert.Contains(reason, panel.Find(".explorer-order-problems").TextContent));
        Assert.Empty(orders.Modified);
    }

    [Fact]
    public void AProductionOrderIsConfirmedInRedWithARealMoneyWarning()
    {
        var panel = Render("kt10000", KiwoomEnvironment.Production);

        panel.Find(".explorer-send").Click();

        Assert.Contains("real money", panel.WaitForElement(".explorer-order-confirm").TextContent);
        Assert.Contains("error", panel.Find(".explorer-order-confirm").ClassName);
    }

    [Theory]
    [InlineData("kt10003", "cancel Sell order 0000012 (005930)")]
    [InlineData("kt10002", "modify Sell order 0000012 (005930)")]
    public void AModifyOrCancelIsConfirmedWithTheOriginalOrdersSide(string apiId, string expected)
    {
        // The form has no side of its own; the member's order 12 is a sell.
        var panel = Render(apiId);
        orders.Existing.Add(FakeOrderService.View(Guid.NewGuid(), "005930", OrderState.Accepted, "0000012") with { Side = OrderSide.Sell });
        panel.Find("#field-orig_ord_no").Change("12");
        panel.Find("#field-stk_cd").Change("005930");

        panel.Find(".explorer-send").Click();

        var summary = panel.WaitForElement(".explorer-order-summary").TextContent;
        Assert.Contains(expected, summary);
        Assert.DoesNotContain("Buy", summary);
    }

    [Fact]
    public void ACancelOfAnOrderNotKnownHereIsConfirmedWithoutASide()
    {
        var panel = Render("kt10003");
        panel.Find("#field-orig_ord_no").Change("99");
        panel.Find("#field-stk_cd").Change("005930");

        panel.Find(".explorer-send").Click();

        var summary = panel.WaitForElement(".explorer-order-summary").TextContent;
        Assert.Contains("cancel order 0000099 (005930)", summary);
        Assert.DoesNotContain("Buy", summary);
        Assert.DoesNotContain("Sell", summary);
    }

    [Fact]
    public void AViewerSeesTheOrderFormWithTheReasonAndCannotSend()
    {
        var panel = Render("kt10000", policies: "none");

        Assert.Contains("Trader role", panel.Find(".explorer-refusal").TextContent);
        Assert.True(panel.Find("button.explorer-send").HasAttribute("disabled"));
        Assert.Empty(orders.Placed);
    }

    private IRenderedComponent<TrRequestPanel> Render(string apiId, KiwoomEnvironment environment = KiwoomEnvironment.Simulator, string policies = DashboardPolicies.Trade)
    {
        context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<IOrderService>(orders);
        sessions = new FakeBrokerSessions(queries, environment);
        context.Services.AddSingleton<IBrokerSessions>(sessions);
        var auth = context.AddAuthorization();
        auth.SetAuthorized("member@team.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, OrdersTestContext.MemberId));
        auth.SetPolicies(policies);
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context.Render<TrRequestPanel>(p => p.Add(c => c.Form, TrForms.Find(apiId)!));
    }

    private static Dictionary<string, string> Example(string apiId) =>
        TrForms.Find(apiId)!.Fields.ToDictionary(f => f.Name, f => f.Default ?? string.Empty);
}
