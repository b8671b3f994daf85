using System.Globalization;
using Dashboard.Web.Shell;

namespace Dashboard.Web.Tests.Components;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1_234_567, "1,234,567")]
    [InlineData(-9_800, "-9,800")]
    public void WonHasSeparatorsAndNoDecimals(long won, string expected) => Assert.Equal(expected, Krw.Format(won));

    [Fact]
    public void WonUnitFollowsTheLanguage()
    {
        Assert.Equal("71,500원", Krw.FormatWithUnit(71_500, new CultureInfo("ko")));
        Assert.Equal("₩71,500", Krw.FormatWithUnit(71_500, new CultureInfo("en")));
    }

    [Theory]
    [InlineData("1.234", "+1.23%")]
    [InlineData("-0.5", "-0.50%")]
    [InlineData("0", "0.00%")]
    public void RatesAlwaysCarryTwoDecimalsAndASignOnAMove(string rate, string expected) =>
        Assert.Equal(expected, Percent.Signed(decimal.Parse(rate, CultureInfo.InvariantCulture)));

    [Fact]
    public void MissingRatesAndIndexPointsHaveTheirOwnForms()
    {
        Assert.Equal("-", Percent.SignedOrDash(null));
        Assert.Equal("+1,234.50", Percent.SignedPoints(1234.5m));
        Assert.Equal("-3.10", Percent.SignedNumber(-3.1m));
    }

    [Fact]
    public void TimesAreShownInKoreaTime() =>
        Assert.Equal("2026-11-26 09:00:00 KST", KoreaTimeText.Format(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void StalenessUsesTheThreshold()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1);
        Assert.False(DataFreshness.IsStale(now.AddSeconds(-5), now, TimeSpan.FromSeconds(5)));
        Assert.True(DataFreshness.IsStale(now.AddSeconds(-6), now, TimeSpan.FromSeconds(5)));
        Assert.True(DataFreshness.IsStale(null, now, TimeSpan.FromSeconds(5)));
    }
}
