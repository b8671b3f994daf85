using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Portfolio;
using Microsoft.Extensions.Time.Testing;
using static Dashboard.Web.Tests.Portfolio.PortfolioWire;

namespace Dashboard.Web.Tests.Portfolio;

public sealed class PortfolioMappingTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ABalancePushHandledAfterANewerTickKeepsTheTicksPrice()
    {
        var pushed = BalanceUpdate.From(Balance("005930", "삼성전자", 12, 70_500, 71_000, time))!;
        time.Advance(TimeSpan.FromMilliseconds(5));
        var tick = Dashboard.Web.Broker.MarketMapping.ToQuote(Trade("005930", 71_300, time))!;
        var known = new PortfolioPosition("005930", "삼성전자", 10, 10, 70_000, 700_000, 71_000, Dashboard.Kiwoom.Wire.PriceDirection.Up, pushed.ReceivedAt.AddSeconds(-1));

        var row = PortfolioMapping.Apply(PortfolioMapping.Apply(known, tick), pushed)!;

        Assert.Equal(12, row.Quantity);
        Assert.Equal(70_500, row.AveragePrice);
        Assert.Equal(71_300, row.CurrentPrice);
        Assert.Equal(tick.ReceivedAt, row.PriceAt);
    }

    [Fact]
    public void ABalancePushWithNothingLeftRemovesTheRow()
    {
        var known = new PortfolioPosition("005930", "삼성전자", 10, 10, 70_000, 700_000, 71_000, Dashboard.Kiwoom.Wire.PriceDirection.Up, time.GetUtcNow());

        Assert.Null(PortfolioMapping.Apply(known, BalanceUpdate.From(Balance("005930", "삼성전자", 0, 0, 71_000, time))!));
    }
}
