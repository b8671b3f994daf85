using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The order pipeline against a fake broker: SEC-13 (own orders only), SEC-14 (roles), SEC-19 (one call per
/// intent), SEC-20 (pre-trade limits audited, broker untouched), SEC-21 (bad payloads), REL-06 (unknown
/// outcome reconciled, never resent) and fills from 00 pushes.
/// </summary>
public sealed class OrderServiceTests : IAsyncLifetime
{
    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00" });
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) bob;
    private Guid aliceConnection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("alice@team.test", DashboardRoles.Trader);
        bob = await host.MemberAsync("bob@team.test", DashboardRoles.Trader);
        aliceConnection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private OrderTicket Buy(long quantity = 10, long? price = 70_000, string type = "0") =>
        new(Guid.NewGuid(), aliceConnection, "005930", OrderSide.Buy, quantity, price, type);

    private async Task<List<OrderAuditKind>> KindsAsync(Guid intentId) => [.. (await host.AuditRowsAsync(intentId)).Select(r => r.Kind)];

    [Fact]
    public async Task ALimitBuyIsAuditedSentOnceAndAccepted()
    {
        var ticket = Buy();
        var result = await host.Orders.PlaceOrderAsync(alice.Principal, ticket);

        Assert.Equal(OrderOutcome.Accepted, result.Outcome);
        var sent = Assert.IsType<Kt10000Request>(Assert.Single(host.Gateway.Sent));
        Assert.Equal(("005930", "10", "70000", "0", "KRX"), (sent.StockCode, sent.OrderQuantity, sent.OrderPrice, sent.TradeType, sent.Exchange));
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted], await KindsAsync(ticket.IntentId));
        var intent = await host.IntentAsync(ticket.IntentId);
        Assert.Equal((OrderState.Accepted, "0000101", 10L), (intent!.State, intent.OrderNumber, intent.OpenQuantity));
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AMarketSellGoesOutAsKt10001WithoutAPrice()
    {
        var ticket = Buy(price: null, type: "3") with { Side = OrderSide.Sell };
        Assert.Equal(OrderOutcome.Accepted, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        var sent = Assert.IsType<Kt10001Request>(Assert.Single(host.Gateway.Sent));
        Assert.Null(sent.OrderPrice);
        Assert.Equal("3", sent.TradeType);
    }

    [Fact]
    public async Task TheSameIntentTenTimesAtOnceIsOneBrokerCall()
    {
        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticket = Buy();
        var submits = Enumerable.Range(0, 10).Select(_ => Task.Run(() => host.Orders.PlaceOrderAsync(alice.Principal, ticket))).ToArray();
        await Broker.Eventually.TrueAsync(() => !host.Gateway.Sent.IsEmpty, TimeSpan.FromSeconds(20));
        await Broker.Eventually.TrueAsync(() => submits.Count(s => s.IsCompleted) == 9, TimeSpan.FromSeconds(20), "the nine repeats should be answered without waiting for the broker");
        host.Gateway.Gate.SetResult();
        var results = await Task.WhenAll(submits);

        Assert.Single(host.Gateway.Sent);
        Assert.Single(results, r => r.Outcome == OrderOutcome.Accepted);
        Assert.Equal(9, results.Count(r => r.Outcome == OrderOutcome.Duplicate));
        Assert.Single(await host.AuditRowsAsync(ticket.IntentId), r => r.Kind == OrderAuditKind.Intent);

        // A resubmit after a reconnect is still the same order.
        Assert.Equal(OrderOutcome.Duplicate, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        Assert.Single(host.Gateway.Sent);
    }

    [Theory]
    [InlineData(DashboardRoles.Viewer)]
    [InlineData(DashboardRoles.Auditor)]
    public async Task ViewersAndAuditorsCannotOrder(string role)
    {
        var member = await host.MemberAsync($"{role}@team.test", role, twoFactor: true);
        var connection = host.Gateway.Connect(member.Id);
        var ticket = Buy() with { ConnectionId = connection };

        var result = await host.Orders.PlaceOrderAsync(member.Principal, ticket);

        Assert.Equal(OrderOutcome.Refused, result.Outcome);
        Assert.Equal("NotPermitted", Assert.Single(result.Reasons).Code);
        Assert.Empty(host.Gateway.Sent);
        Assert.Equal([OrderAuditKind.PreTradeRejected], await KindsAsync(ticket.IntentId));
    }

    [Fact]
    public async Task AuditorsReadEveryMembersAuditButTradersDoNot()
    {
        await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        var auditor = await host.MemberAsync("auditor@team.test", DashboardRoles.Auditor, twoFactor: true);
        var query = host.Services.GetRequiredService<AuditQueryService>();

        var page = await query.SearchAsync(auditor.Principal, new AuditFilter(MemberId: alice.Id));
        Assert.Equal(3, page.Total);
        Assert.True((await query.VerifyAsync(auditor.Principal)).IsIntact);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => query.SearchAsync(alice.Principal, new AuditFilter()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Services.GetRequiredService<TradingLimitsService>().SetTeamHaltAsync(auditor.Principal, true, "no"));
    }

    [Fact]
    public async Task ABadPayloadIsRefusedWhateverThePageWouldSend()
    {
        var tickets = new[]
        {
            Buy(quantity: -5),
            Buy() with { Side = (OrderSide)9 },
            Buy() with { StockCode = "'; DROP TABLE OrderAudit; --" },
            Buy(price: 70_050),
            Buy(price: 95_000),
            Buy(type: "99"),
            Buy(price: null, type: "0"),
            Buy(type: "3"),
            Buy() with { Product = (OrderProduct)42 },
        };
        foreach (var ticket in tickets)
        {
            var result = await host.Orders.PlaceOrderAsync(alice.Principal, ticket);
            Assert.Equal(OrderOutcome.Invalid, result.Outcome);
            Assert.NotEmpty(result.Reasons);
            Assert.Equal([OrderAuditKind.PreTradeRejected], await KindsAsync(ticket.IntentId));
            Assert.Null(await host.IntentAsync(ticket.IntentId));
        }

        Assert.Empty(host.Gateway.Sent);
    }

    public static TheoryData<string, string> Limits => new()
    {
        { "value", "OrderValueTooLarge" },
        { "quantity", "QuantityOverLimit" },
        { "collar", "OutsideCollar" },
        { "environment", "EnvironmentNotAllowed" },
        { "member halt", "MemberHalted" },
        { "team halt", "TeamHalted" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task EachPreTradeLimitRefusesAuditsAndLeavesTheBrokerAlone(string limit, string code)
    {
        var admin = await host.MemberAsync("admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var limits = host.Services.GetRequiredService<TradingLimitsService>();
        var baseline = new TradingLimits(10_000_000, 1_000, 5, 100, AllowSimulator: true, AllowMock: true, AllowProduction: false);
        var ticket = Buy(quantity: 10, price: 70_000);
        switch (limit)
        {
            case "value":
                await limits.SetLimitsAsync(admin.Principal, alice.Id, baseline with { MaxOrderValue = 699_999 });
                break;
            case "quantity":
                await limits.SetLimitsAsync(admin.Principal, alice.Id, baseline with { MaxQuantity = 9 });
                break;
            case "collar":
                ticket = ticket with { Price = 74_000 };
                break;
            case "environment":
                await limits.SetLimitsAsync(admin.Principal, alice.Id, baseline with { AllowSimulator = false });
                break;
            case "member halt":
                await limits.SetMemberHaltAsync(admin.Principal, alice.Id, true, "too many errors today");
                break;
            default:
                await limits.SetTeamHaltAsync(admin.Principal, true, "exchange incident");
                break;
        }

        if (limit == "collar")
        {
            await limits.SetLimitsAsync(admin.Principal, alice.Id, baseline);
        }

        var result = await host.Orders.PlaceOrderAsync(alice.Principal, ticket);

        Assert.Equal(OrderOutcome.Refused, result.Outcome);
        Assert.Equal(code, Assert.Single(result.Reasons).Code);
        Assert.Empty(host.Gateway.Sent);
        var refusal = Assert.Single(await host.AuditRowsAsync(ticket.IntentId));
        Assert.Equal(OrderAuditKind.PreTradeRejected, refusal.Kind);
        Assert.Contains(result.Reasons[0].Describe(System.Globalization.CultureInfo.GetCultureInfo("en")), refusal.Details, StringComparison.Ordinal);
        Assert.Contains(await host.AuditRowsAsync(), r => r.Kind is OrderAuditKind.LimitChanged or OrderAuditKind.HaltChanged);
    }

    [Fact]
    public async Task ALimitChangeIsAuditedInWordsNamingTheEnvironmentsAllowed()
    {
        var admin = await host.MemberAsync("admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var limits = host.Services.GetRequiredService<TradingLimitsService>();

        await limits.SetLimitsAsync(admin.Principal, alice.Id, new TradingLimits(1_000_000, 100, 10, 20, AllowSimulator: true, AllowMock: false, AllowProduction: true));
        await limits.SetLimitsAsync(admin.Principal, alice.Id, new TradingLimits(1_000_000, 100, 10, 20, AllowSimulator: false, AllowMock: false, AllowProduction: false));

        var changes = (await host.AuditRowsAsync()).Where(r => r.Kind == OrderAuditKind.LimitChanged).Select(r => r.Details).ToList();
        Assert.Equal(2, changes.Count);
        Assert.EndsWith("environments simulator, production", changes[0], StringComparison.Ordinal);
        Assert.EndsWith("environments none", changes[1], StringComparison.Ordinal);
        Assert.All(changes, d => Assert.DoesNotContain("True", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheThrottleRefusesTheOrderOverThePerMinuteLimit()
    {
        var admin = await host.MemberAsync("admin@team.test", DashboardRoles.Admin, twoFactor: true);
        await host.Services.GetRequiredService<TradingLimitsService>().SetLimitsAsync(
            admin.Principal, alice.Id, new TradingLimits(100_000_000, 1_000, 10, 3, true, true, false));
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(OrderOutcome.Accepted, (await host.Orders.PlaceOrderAsync(alice.Principal, Buy())).Outcome);
        }

        var fourth = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        Assert.Equal("TooManyOrders", Assert.Single(fourth.Reasons).Code);
        Assert.Equal(3, host.Gateway.Sent.Count);
    }

    [Fact]
    public async Task CancelStillWorksWhileTheTeamIsHalted()
    {
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        var admin = await host.MemberAsync("admin@team.test", DashboardRoles.Admin, twoFactor: true);
        await host.Services.GetRequiredService<TradingLimitsService>().SetTeamHaltAsync(admin.Principal, true, "stop");

        var cancel = await host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId));

        Assert.Equal(OrderOutcome.Accepted, cancel.Outcome);
        var sent = Assert.IsType<Kt10003Request>(host.Gateway.Sent.Last());
        // All that is open: Kiwoom's own "0" (all remaining at the exchange), never our count, which a fill may have made stale.
        Assert.Equal(("0000101", "0"), (sent.OriginalOrderNumber, sent.CancelQuantity));
        Assert.Equal(OrderState.Cancelled, (await host.IntentAsync(placed.IntentId))!.State);
        Assert.Contains(OrderAuditKind.Cancelled, await KindsAsync(placed.IntentId));
    }

    [Fact]
    public async Task ModifyMovesTheOpenSharesToANewPrice()
    {
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        var modify = await host.Orders.ModifyOrderAsync(alice.Principal, new ModifyTicket(Guid.NewGuid(), placed.IntentId, 0, 70_500));

        Assert.Equal(OrderOutcome.Accepted, modify.Outcome);
        var sent = Assert.IsType<Kt10002Request>(host.Gateway.Sent.Last());
        Assert.Equal(("0000101", "0", "70500"), (sent.OriginalOrderNumber, sent.ModifyQuantity, sent.ModifyPrice));
        Assert.Equal(OrderState.Replaced, (await host.IntentAsync(placed.IntentId))!.State);
        var moved = (await host.IntentAsync(modify.IntentId))!;
        Assert.Equal((OrderState.Accepted, 10L, 70_500L, "0000102"), (moved.State, moved.OpenQuantity, moved.Price!.Value, moved.OrderNumber));
    }

    [Fact]
    public async Task AModifyClosesTheOriginalAndOpensTheNewOrderInOneUpdate()
    {
        using var updates = host.Orders.Subscribe(alice.Principal);
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        var modify = await host.Orders.ModifyOrderAsync(alice.Principal, new ModifyTicket(Guid.NewGuid(), placed.IntentId, 0, 70_500));

        // Applied one by one as a page applies them, no update may show the ten shares open on both orders.
        var shown = new Dictionary<Guid, OrderView>();
        while (updates.Updates.TryRead(out var update))
        {
            foreach (var order in new[] { update.Order, update.Target }.OfType<OrderView>())
            {
                shown[order.IntentId] = order;
            }

            var open = shown.Values.Where(o => o.IsOpen).Select(o => o.IntentId).ToList();
            Assert.True(open.Count <= 1, $"after {update.Kind} of {update.Order.IntentId} these were all open: {string.Join(", ", open)}");
        }

        Assert.Equal(OrderState.Replaced, shown[placed.IntentId].State);
        Assert.True(shown[modify.IntentId].IsOpen);
        Assert.Equal((placed.IntentId, OrderState.Replaced), (modify.Target?.IntentId, modify.Target?.State));

        // One commit: the new order's Accepted row and the original's Modified row are neighbours in the chain.
        var rows = await host.AuditRowsAsync();
        var accepted = rows.Single(r => r.IntentId == modify.IntentId && r.Kind == OrderAuditKind.Accepted);
        Assert.Equal(OrderAuditKind.Modified, rows.Single(r => r.Sequence == accepted.Sequence + 1 && r.IntentId == placed.IntentId).Kind);
    }

    [Fact]
    public async Task ACancelClosesTheOriginalInTheSameUpdate()
    {
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        using var updates = host.Orders.Subscribe(alice.Principal);
        var cancel = await host.Orders.CancelOrderAsync(alice.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId));

        var done = Enumerable.Range(0, 10).Select(_ => updates.Updates.TryRead(out var u) ? u : null).OfType<OrderUpdate>().Last();
        Assert.Equal((cancel.IntentId, OrderState.Done), (done.Order.IntentId, done.Order.State));
        Assert.Equal((placed.IntentId, OrderState.Cancelled, 0L), (done.Target?.IntentId, done.Target?.State, done.Target?.OpenQuantity));
    }

    [Fact]
    public async Task OrdersOnOneConnectionReadTheirStocksPricesOnce()
    {
        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(OrderOutcome.Accepted, (await host.Orders.PlaceOrderAsync(alice.Principal, Buy())).Outcome);
        }

        Assert.Equal(1, host.Prices.Reads);
    }

    [Fact]
    public async Task AMemberNeverSeesOrTouchesAnotherMembersOrders()
    {
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());

        Assert.Empty(await host.Orders.ListOrdersAsync(bob.Principal, DateTimeOffset.MinValue));
        Assert.Single(await host.Orders.ListOrdersAsync(alice.Principal, DateTimeOffset.MinValue));
        Assert.Equal("OrderNotFound", Assert.Single((await host.Orders.CancelOrderAsync(bob.Principal, new CancelTicket(Guid.NewGuid(), placed.IntentId))).Reasons).Code);
        Assert.Equal("OrderNotFound", Assert.Single((await host.Orders.ModifyOrderAsync(bob.Principal, new ModifyTicket(Guid.NewGuid(), placed.IntentId, 0, 70_500))).Reasons).Code);

        // Bob cannot order through Alice's connection, nor replay Alice's intent id.
        var viaAlice = await host.Orders.PlaceOrderAsync(bob.Principal, Buy());
        Assert.Equal("NoConnection", Assert.Single(viaAlice.Reasons).Code);
        var bobConnection = host.Gateway.Connect(bob.Id);
        var replay = await host.Orders.PlaceOrderAsync(bob.Principal, Buy() with { IntentId = placed.IntentId, ConnectionId = bobConnection });
        Assert.NotEqual(OrderOutcome.Accepted, replay.Outcome);
        Assert.Null(replay.Order);
        Assert.Single(host.Gateway.Sent);
        Assert.Equal(OrderState.Accepted, (await host.IntentAsync(placed.IntentId))!.State);
    }

    [Fact]
    public async Task ProductionNeedsTwoFactor()
    {
        var live = host.Gateway.Connect(alice.Id, KiwoomEnvironment.Production);
        var result = await host.Orders.PlaceOrderAsync(alice.Principal, Buy() with { ConnectionId = live });
        Assert.Equal("NeedsTwoFactor", Assert.Single(result.Reasons).Code);
        Assert.Empty(host.Gateway.Sent);
    }

    [Fact]
    public async Task AKiwoomRejectionIsRecordedWithItsCode()
    {
        host.Gateway.NextError = new KiwoomError(KiwoomErrorKind.Rejected, 20, "855056", "매수증거금이 부족합니다. 6주 매수가능");
        var ticket = Buy();
        var result = await host.Orders.PlaceOrderAsync(alice.Principal, ticket);

        Assert.Equal(OrderOutcome.Rejected, result.Outcome);
        var row = (await host.AuditRowsAsync(ticket.IntentId)).Last();
        Assert.Equal(OrderAuditKind.Rejected, row.Kind);
        Assert.Contains("855056", row.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimedOutOrderIsNeverResentAndIsReconciledFromTheOpenOrders()
    {
        host.Gateway.NextError = new KiwoomError(KiwoomErrorKind.Transport, -1, null, "The request timed out.");
        var ticket = Buy();
        var result = await host.Orders.PlaceOrderAsync(alice.Principal, ticket);
        Assert.Equal(OrderOutcome.UnknownOutcome, result.Outcome);
        Assert.Equal(OrderState.UnknownOutcome, (await host.IntentAsync(ticket.IntentId))!.State);

        // The same intent again (the member clicks once more) is not a second order.
        host.Gateway.NextError = null;
        Assert.Equal(OrderOutcome.Duplicate, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);

        host.Gateway.Queries.Bodies["ka10075"] = """
            {"oso":[{"acnt_no":"1234567890","ord_no":"0000777","stk_cd":"005930","ord_stt":"접수","stk_nm":"삼성전자","ord_qty":"10","ord_pric":"70000","oso_qty":"10","cntr_tot_amt":"0","orig_ord_no":"0000000","io_tp_nm":"+매수","trde_tp":"보통","tm":"091500"}],"return_code":0,"return_msg":"ok"}
            """;
        host.Gateway.Queries.Bodies["ka10076"] = """{"cntr":[],"return_code":0,"return_msg":"ok"}""";
        var reconciler = host.Services.GetRequiredService<OrderReconciler>();
        Assert.True(await reconciler.ReconcileAsync((await host.IntentAsync(ticket.IntentId))!));

        var intent = (await host.IntentAsync(ticket.IntentId))!;
        Assert.Equal((OrderState.Accepted, "0000777", 10L), (intent.State, intent.OrderNumber, intent.OpenQuantity));
        Assert.Single(host.Gateway.Sent);
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.UnknownOutcome, OrderAuditKind.Reconciled], await KindsAsync(ticket.IntentId));
    }

    [Fact]
    public async Task AnUnknownOrderKiwoomNeverSawIsRuledNotPlaced()
    {
        host.Gateway.NextError = new KiwoomError(KiwoomErrorKind.Transport, -1, null, "HTTP 503", 503);
        var ticket = Buy();
        await host.Orders.PlaceOrderAsync(alice.Principal, ticket);
        host.Gateway.Queries.Bodies["ka10075"] = """{"oso":[],"return_code":0,"return_msg":"ok"}""";
        host.Gateway.Queries.Bodies["ka10076"] = """{"cntr":[],"return_code":0,"return_msg":"ok"}""";

        Assert.True(await host.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await host.IntentAsync(ticket.IntentId))!));

        Assert.Equal(OrderState.Rejected, (await host.IntentAsync(ticket.IntentId))!.State);
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task AnUnknownGoldOrderIsNeverRuledNotPlacedFromTheStockLists()
    {
        host.Prices.Prices[OrderValidator.GoldOneKilogram] = new PriceReference(PreviousClose: 150_000, LastPrice: 150_000);
        host.Gateway.NextError = new KiwoomError(KiwoomErrorKind.Transport, -1, null, "HTTP 503", 503);
        var ticket = new OrderTicket(Guid.NewGuid(), aliceConnection, OrderValidator.GoldOneKilogram, OrderSide.Buy, 1, 150_000, "00", Product: OrderProduct.Gold);
        Assert.Equal(OrderOutcome.UnknownOutcome, (await host.Orders.PlaceOrderAsync(alice.Principal, ticket)).Outcome);
        host.Gateway.Queries.Bodies["ka10075"] = """{"oso":[],"return_code":0,"return_msg":"ok"}""";
        host.Gateway.Queries.Bodies["ka10076"] = """{"cntr":[],"return_code":0,"return_msg":"ok"}""";

        Assert.False(await host.Services.GetRequiredService<OrderReconciler>().ReconcileAsync((await host.IntentAsync(ticket.IntentId))!));

        Assert.Equal(OrderState.UnknownOutcome, (await host.IntentAsync(ticket.IntentId))!.State);
        Assert.DoesNotContain("ka10075", host.Gateway.Queries.Asked);
        Assert.Single(host.Gateway.Sent);
    }

    [Fact]
    public async Task FillsFromOrderEventsAreRecordedInOrderAndPublished()
    {
        using var updates = host.Orders.Subscribe(alice.Principal);
        var placed = await host.Orders.PlaceOrderAsync(alice.Principal, Buy());
        var tracker = host.Services.GetRequiredService<OrderTracker>();

        await tracker.ApplyAsync(aliceConnection, alice.Id, Execution("체결", fill: 4, unfilled: 6, price: 70_000));
        await tracker.ApplyAsync(aliceConnection, alice.Id, Execution("체결", fill: 6, unfilled: 0, price: 69_900));
        await tracker.ApplyAsync(aliceConnection, bob.Id, Execution("체결", fill: 1, unfilled: 0, price: 1));

        var intent = (await host.IntentAsync(placed.IntentId))!;
        Assert.Equal((OrderState.Filled, 10L, (4 * 70_000L) + (6 * 69_900L), 0L), (intent.State, intent.FilledQuantity, intent.FilledAmount, intent.OpenQuantity));
        Assert.Equal([OrderAuditKind.Intent, OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.PartialFill, OrderAuditKind.Fill], await KindsAsync(placed.IntentId));
        var kinds = new List<OrderAuditKind>();
        while (updates.Updates.TryRead(out var update))
        {
            kinds.Add(update.Kind);
        }

        Assert.Equal([OrderAuditKind.Sent, OrderAuditKind.Accepted, OrderAuditKind.PartialFill, OrderAuditKind.Fill], kinds);
    }

    private static OrderExecution Execution(string status, long fill, long unfilled, long price) => new(
        "1234567890", "0000101", "005930", "삼성전자", status, "+매수", "보통", "2", 10, 70_000, unfilled, null, "0000000",
        new TimeOnly(9, 30), "1", price, fill, price, fill, null, null, null, "0", "1", DateTimeOffset.UtcNow);
}
