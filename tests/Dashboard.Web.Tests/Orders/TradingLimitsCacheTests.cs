using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The audit writer keeps the limits and the team halt it read (S5: two queries fewer per order inside the single
/// writer), and an admin's change reaches the very next order: halts, limits, and the team kill switch.
/// </summary>
public sealed class TradingLimitsCacheTests : IAsyncLifetime
{
    private readonly OrdersHost host = new();
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) alice;
    private (string Id, System.Security.Claims.ClaimsPrincipal Principal) admin;
    private Guid connection;

    public async Task InitializeAsync()
    {
        alice = await host.MemberAsync("cached@team.test", DashboardRoles.Trader);
        admin = await host.MemberAsync("limits-admin@team.test", DashboardRoles.Admin, twoFactor: true);
        connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private TradingLimitsService Limits => host.Services.GetRequiredService<TradingLimitsService>();

    private Task<OrderResult> BuyAsync(long quantity = 1) =>
        host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, quantity, 70_000, "0"));

    [Fact]
    public async Task OrdersAfterTheFirstDoNotReadTheLimitsAgain()
    {
        var cache = host.Services.GetRequiredService<TradingLimitsCache>();
        Assert.Equal(OrderOutcome.Accepted, (await BuyAsync()).Outcome);
        var reads = cache.Reads;

        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(OrderOutcome.Accepted, (await BuyAsync()).Outcome);
        }

        Assert.Equal(reads, cache.Reads);
    }

    [Fact]
    public async Task AMemberHaltReachesTheNextOrderAfterTheLimitsWereKept()
    {
        Assert.Equal(OrderOutcome.Accepted, (await BuyAsync()).Outcome);

        Assert.True(await Limits.SetMemberHaltAsync(admin.Principal, alice.Id, true, "checking"));
        var refused = await BuyAsync();
        Assert.Equal("MemberHalted", Assert.Single(refused.Reasons).Code);

        Assert.True(await Limits.SetMemberHaltAsync(admin.Principal, alice.Id, false, null));
        Assert.Equal(OrderOutcome.Accepted, (await BuyAsync()).Outcome);
        Assert.Equal(2, host.Gateway.Sent.Count);
    }

    [Fact]
    public async Task ATeamHaltAndANewQuantityLimitReachTheNextOrder()
    {
        Assert.Equal(OrderOutcome.Accepted, (await BuyAsync(5)).Outcome);

        await Limits.SetTeamHaltAsync(admin.Principal, true, "market event");
        Assert.Equal("TeamHalted", Assert.Single((await BuyAsync(5)).Reasons).Code);
        await Limits.SetTeamHaltAsync(admin.Principal, false, null);

        Assert.Null(await Limits.SetLimitsAsync(admin.Principal, alice.Id, new TradingLimits(100_000_000, 4, 10, 100, true, true, false)));
        Assert.Equal("QuantityOverLimit", Assert.Single((await BuyAsync(5)).Reasons).Code);
        Assert.Single(host.Gateway.Sent);
    }
}
