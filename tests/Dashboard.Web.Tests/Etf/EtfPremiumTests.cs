using Dashboard.Kiwoom.Realtime;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Components.Etf;

namespace Dashboard.Web.Tests.Etf;

public sealed class EtfPremiumTests
{
    [Theory]
    [InlineData(10_050, "10000", "0.50")]
    [InlineData(9_980, "10000", "-0.20")]
    [InlineData(24_200, "24210.55", "-0.04")]
    public void PremiumIsPriceOverNavInPercent(long price, string nav, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EtfPremium.Percent(price, EtfPremium.Parse(nav)));

    [Fact]
    public void NoNavMeansNoPremium()
    {
        Assert.Null(EtfPremium.Percent(10_000, null));
        Assert.Null(EtfPremium.Percent(10_000, 0m));
        Assert.Null(EtfPremium.Parse(" "));
        Assert.Equal(24210.55m, EtfPremium.Parse("+24210.55"));
    }

    [Theory]
    [InlineData("-54076.85", "54076.85", PriceDirection.Down)]
    [InlineData("+24210.55", "24210.55", PriceDirection.Up)]
    [InlineData("24210.00", "24210.00", PriceDirection.Flat)]
    public void ANavsSignIsItsDirectionNotItsValue(string wire, string value, PriceDirection direction) =>
        Assert.Equal(new SignedDecimalPrice(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), direction), EtfPremium.ParseNav(wire));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("n/a")]
    [InlineData(null)]
    public void ANavThatIsNotANumberIsNone(string? wire) => Assert.Null(EtfPremium.ParseNav(wire));
}
