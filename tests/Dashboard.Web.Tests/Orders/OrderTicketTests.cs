using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Web.Orders;
using Dashboard.Web.Security;
using OrderTicketComponent = Dashboard.Web.Components.Orders.OrderTicket;

namespace Dashboard.Web.Tests.Orders;

public sealed class OrderTicketTests
{
    [Fact]
    public async Task AViewerSeesNoTicket()
    {
        await using var context = new OrdersTestContext(policies: ["None"]);
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));

        Assert.Empty(ticket.FindAll("#ticket-review"));
        Assert.Empty(ticket.FindAll("#ticket-code"));
        ticket.WaitForElement("#not-permitted");
    }

    [Fact]
    public async Task ConfirmationShowsValueFeeAndSellTaxThenPlacesOnce()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));

        ticket.Find("#side-sell").Click();
        ticket.Find("#ticket-price").Change("70000");
        ticket.Find("#ticket-quantity").Change("10");
        ticket.Find("#ticket-review").Click();

        // 700,000 won: fee 0.015% = 105, tax 0.18% = 1,260, received 698,635.
        Assert.Equal("700,000", ticket.Find("#ticket-value").TextContent);
        Assert.Equal("105", ticket.Find("#ticket-fee").TextContent);
        Assert.Equal("1,260", ticket.Find("#ticket-tax").TextContent);
        Assert.Equal("698,635", ticket.Find("#ticket-total").TextContent);

        ticket.Find("#ticket-place").Click();
        ticket.WaitForElement("#ticket-result");
        var placed = Assert.Single(context.Orders.Placed);
        Assert.Equal((OrderSide.Sell, 10L, 70_000L, "0", "005930"), (placed.Side, placed.Quantity, placed.Price!.Value, placed.TradeType, placed.StockCode));
        Assert.Contains("0000123", ticket.Find("#ticket-result").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABuyHasNoTax()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));
        ticket.Find("#ticket-price").Change("70000");
        ticket.Find("#ticket-quantity").Change("10");
        ticket.Find("#ticket-review").Click();

        Assert.Equal("0", ticket.Find("#ticket-tax").TextContent);
        Assert.Equal("700,105", ticket.Find("#ticket-total").TextContent);
    }

    [Fact]
    public async Task ThePriceStepperMovesOneKrxStepAcrossABoundary()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));
        ticket.Find("#ticket-price").Change("49950");
        ticket.Find("#ticket-price-up").Click();
        Assert.Equal("50000", ticket.Find("#ticket-price").GetAttribute("value"));
        ticket.Find("#ticket-price-up").Click();
        Assert.Equal("50100", ticket.Find("#ticket-price").GetAttribute("value"));
        ticket.Find("#ticket-price-down").Click();
        ticket.Find("#ticket-price-down").Click();
        Assert.Equal("49950", ticket.Find("#ticket-price").GetAttribute("value"));
    }

    [Fact]
    public async Task AnOffTickPriceIsExplainedBeforeConfirming()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));
        ticket.Find("#ticket-price").Change("70050");
        ticket.Find("#ticket-review").Click();

        Assert.Contains("not on the price step", ticket.Find(".ticket-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(ticket.FindAll("#ticket-summary"));
        Assert.Empty(context.Orders.Placed);
    }

    [Fact]
    public async Task StopLimitAsksForTheStopPriceAndMarketHidesThePrice()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));
        ticket.Find("#ticket-type").Change("28");
        Assert.NotEmpty(ticket.FindAll("#ticket-condition"));
        ticket.Find("#ticket-type").Change("3");
        Assert.Empty(ticket.FindAll("#ticket-price"));
        Assert.Empty(ticket.FindAll("#ticket-condition"));
    }

    [Fact]
    public async Task ProductionIsMarkedInRed()
    {
        await using var context = new OrdersTestContext(KiwoomEnvironment.Production, "en", DashboardPolicies.Trade, DashboardPolicies.TradeLive);
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));

        Assert.Contains("mud-chip-color-error", ticket.Find("#ticket-environment").ClassName, StringComparison.Ordinal);
        Assert.Equal("PRODUCTION", ticket.Find("#ticket-environment").TextContent.Trim());
        Assert.NotNull(ticket.Find("#ticket-production"));
    }

    [Fact]
    public async Task PlacingTwiceFromOneTicketUsesOneIntentIdUntilANewOrderIsStarted()
    {
        await using var context = new OrdersTestContext();
        context.Orders.Answer = t => OrderResult.Refused(t.IntentId, OrderOutcome.Refused, OrderRejection.Of("TooManyOrders", null, 3));
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));
        ticket.Find("#ticket-price").Change("70000");
        ticket.Find("#ticket-review").Click();
        ticket.Find("#ticket-place").Click();
        ticket.WaitForElement("#ticket-result");
        Assert.Contains("at most 3 orders a minute", ticket.Find("#ticket-result").TextContent, StringComparison.Ordinal);

        // Refused before any order existed: trying again keeps what was typed and the same intent id.
        ticket.Find("#ticket-again").Click();
        Assert.Equal("70000", ticket.Find("#ticket-price").GetAttribute("value"));
        context.Orders.Answer = null;
        ticket.Find("#ticket-review").Click();
        ticket.Find("#ticket-place").Click();
        ticket.WaitForElement("#ticket-result");
        Assert.Single(context.Orders.Placed.Select(p => p.IntentId).Distinct());

        // After an accepted order the next one is a new intent.
        ticket.Find("#ticket-again").Click();
        ticket.Find("#ticket-review").Click();
        ticket.Find("#ticket-place").Click();
        ticket.WaitForElement("#ticket-result");
        Assert.Equal(2, context.Orders.Placed.Select(p => p.IntentId).Distinct().Count());
    }
}
