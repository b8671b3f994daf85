using Bunit;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Components.Orders;
using Dashboard.Web.Orders;
using OrderTicketComponent = Dashboard.Web.Components.Orders.OrderTicket;

namespace Dashboard.Web.Tests.Orders;

/// <summary>The ticket's products (cash, credit, gold) and the step table its price stepper follows.</summary>
public sealed class OrderTicketProductTests
{
    [Fact]
    public async Task ACreditBuyIsPlacedAsACreditOrder()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));

        ticket.Find("#ticket-product").Change(nameof(OrderProduct.Credit));
        ticket.Find("#ticket-price").Change("70000");
        ticket.Find("#ticket-quantity").Change("3");
        ticket.Find("#ticket-review").Click();
        Assert.Equal("Credit (margin)", ticket.Find("#ticket-summary-product").TextContent);
        ticket.Find("#ticket-place").Click();
        ticket.WaitForElement("#ticket-result");

        var placed = Assert.Single(context.Orders.Placed);
        Assert.Equal((OrderProduct.Credit, "005930", 3L, 70_000L), (placed.Product, placed.StockCode, placed.Quantity, placed.Price!.Value));
    }

    [Fact]
    public async Task GoldOffersItsOwnCodeAndTradeTypesAndTenWonSteps()
    {
        await using var context = new OrdersTestContext();
        var ticket = context.Render<OrderTicketComponent>(p => p.Add(x => x.Code, "005930"));

        ticket.Find("#ticket-product").Change(nameof(OrderProduct.Gold));

        Assert.Equal(OrderValidator.GoldOneKilogram, ticket.Find("#ticket-code").GetAttribute("value"));
        Assert.Equal(["00", "10", "20"], ticket.FindAll("#ticket-type option").Select(o => o.GetAttribute("value")));
        ticket.Find("#ticket-price").Change("150000");
        ticket.Find("#ticket-price-up").Click();
        Assert.Equal("150010", ticket.Find("#ticket-price").GetAttribute("value"));
        ticket.Find("#ticket-price").Change("150005");
        ticket.Find("#ticket-quantity").Change("1");
        ticket.Find("#ticket-review").Click();
        Assert.Contains("10", ticket.Find(".ticket-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(context.Orders.Placed);
    }

    [Fact]
    public async Task OnTheFundTableTheStepperMovesFiveWon()
    {
        await using var context = new OrdersTestContext();
        long? value = 12_345;
        var stepper = context.Render<PriceStepper>(p => p
            .Add(x => x.Id, "fund-price").Add(x => x.Value, value).Add(x => x.Table, KrxTickTable.Fund)
            .Add(x => x.ValueChanged, v => value = v));

        stepper.Find("#fund-price-up").Click();
        Assert.Equal(12_350, value);
        stepper.Find("#fund-price-down").Click();
        Assert.Equal(12_340, value);
    }
}
