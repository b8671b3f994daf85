using Dashboard.Kiwoom;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// Gold spot orders with an unknown outcome are settled from the gold lists (kt50075 open, kt50031 the day's gold
/// orders with fills), never from the stock lists and never by sending again: found open → accepted with its
/// number; found filled → filled; in neither after the grace → never placed.
/// </summary>
public sealed class GoldReconciliationTests : IAsyncLifetime
{
    private const string Gold = OrderValidator.GoldOneKilogram;
    private const string NoDetails = """{"acnt_ord_cntr_prps_dtl":[],"return_code":0,"return_msg":"ok"}""";
    private const string NoneOpen = """{"acnt_ord_oso_prst":[],"return_code":0,"return_msg":"ok"}""";

    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00" });
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("gold@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices[Gold] = new PriceReference(PreviousClose: 150_000, LastPrice: 150_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AGoldOrderFoundOpenInKt50075IsAcceptedWithItsNumber()
    {
        var ticket = await UnknownGoldBuyAsync(quantity: 2);
        // A sell of the same size and price first: only the buy is ours.
        host.Gateway.Queries.Bodies["kt50075"] = $$"""
            {"acnt_ord_oso_prst":[
              {"ord_no":"0000554","stk_cd":"{{Gold}}","io_tp_nm":"-매도","ord_qty":"2","ord_uv":"150000","cntr_qty":"0","cntr_uv":"0","ord_remnq":"2","orig_ord_no":"0000000"},
              {"ord_no":"0000555","stk_cd":"{{Gold}}","io_tp_nm":"+매수","ord_qty":"2","ord_uv":"150000","cntr_qty":"1","cntr_uv":"150000","ord_remnq":"1","orig_ord_no":"0000000"}],
             "return_code":0,"return_msg":"ok"}
            """;
        host.Gateway.Queries.Bodies["kt50031"] = NoDetails;

        Assert.True(await ReconcileAsync(ticket));

        var intent = (await host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.PartiallyFilled, "0000555", 1L, 1L), (intent.State, intent.OrderNumber, intent.OpenQuantity, intent.FilledQuantity));
        Assert.Equal(OrderAuditKind.Reconciled, (await host.AuditRowsAsync(ticket.IntentId)).Last().Kind);
        Assert.DoesNotContain("ka10075", host.Gateway.Queries.Asked);
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task AGoldOrderFoundFilledInKt50031IsFilled()
    {
        var ticket = await UnknownGoldBuyAsync(quantity: 2);
        host.Gateway.Queries.Bodies["kt50075"] = NoneOpen;
        host.Gateway.Queries.Bodies["kt50031"] = $$"""
            {"acnt_ord_cntr_prps_dtl":[
              {"ord_no":"0000556","stk_cd":"{{Gold}}","io_tp_nm":"+매수","ord_qty":"2","ord_uv":"150000","cntr_qty":"2","cntr_uv":"150000","ord_remnq":"0","ori_ord":"0000000","acpt_tp":"체결","mdfy_cncl":""}],
             "return_code":0,"return_msg":"ok"}
            """;

        Assert.True(await ReconcileAsync(ticket));

        var intent = (await host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Filled, "0000556", 0L, 2L, 300_000L), (intent.State, intent.OrderNumber, intent.OpenQuantity, intent.FilledQuantity, intent.FilledAmount));
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task AGoldOrderInNeitherListAfterTheGraceWasNeverPlaced()
    {
        var ticket = await UnknownGoldBuyAsync(quantity: 1);
        host.Gateway.Queries.Bodies["kt50075"] = NoneOpen;
        host.Gateway.Queries.Bodies["kt50031"] = NoDetails;

        Assert.True(await ReconcileAsync(ticket));

        Assert.Equal(OrderState.Rejected, (await host.IntentAsync(ticket.IntentId))!.State);
        Assert.Contains("kt50075", host.Gateway.Queries.Asked);
        Assert.Contains("kt50031", host.Gateway.Queries.Asked);
        Assert.DoesNotContain("ka10075", host.Gateway.Queries.Asked);
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task UnreadableGoldListsLeaveTheOutcomeUnknown()
    {
        var ticket = await UnknownGoldBuyAsync(quantity: 1);
        host.Gateway.Queries.Bodies["kt50075"] = NoneOpen;

        // kt50031 unanswered: nothing can be concluded, not even "never placed".
        Assert.False(await ReconcileAsync(ticket));

        Assert.Equal(OrderState.UnknownOutcome, (await host.IntentAsync(ticket.IntentId))!.State);
    }

    private async Task<bool> ReconcileAsync(OrderTicket ticket) =>
        await host.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await host.IntentAsync(ticket.IntentId))!);

    private async Task<OrderTicket> UnknownGoldBuyAsync(long quantity)
    {
        host.Gateway.NextError = new KiwoomError(KiwoomErrorKind.Transport, -1, null, "HTTP 503", 503);
        var ticket = new OrderTicket(Guid.NewGuid(), connection, Gold, OrderSide.Buy, quantity, 150_000, "00", Product: OrderProduct.Gold);
        Assert.Equal(OrderOutcome.UnknownOutcome, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        host.Gateway.NextError = null;
        return ticket;
    }
}
