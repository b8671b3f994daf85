using System.Globalization;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>The audit viewer names every kind of row in Korean and English, so a new kind cannot show up as a bare enum name.</summary>
public sealed class AuditViewerTextTests
{
    [Fact]
    public void EveryAuditKindHasAKoreanAndAnEnglishName()
    {
        var resources = new System.Resources.ResourceManager(typeof(OrdersText));
        foreach (var kind in Enum.GetValues<OrderAuditKind>())
        {
            var key = "AuditKind_" + kind;
            var ko = resources.GetString(key, CultureInfo.GetCultureInfo("ko"));
            var en = resources.GetString(key, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrWhiteSpace(ko), key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.NotEqual(ko, en);
        }
    }

    [Theory]
    [InlineData("2026-12-03", true, "2026-12-03")]
    [InlineData(" 2026-01-31 ", true, "2026-01-31")]
    [InlineData("", true, null)]
    [InlineData("12/03/2026", false, null)]
    [InlineData("2026.12.03", false, null)]
    [InlineData("2026-13-01", false, null)]
    [InlineData("2026-12-3", false, null)]
    public void FilterDatesAreYearMonthDayWhateverTheBrowserOrServerLocale(string typed, bool valid, string? day)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        Assert.Equal(valid, AuditFilter.TryParseDay(typed, out var parsed));
        Assert.Equal(day is null ? null : DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("ko", "0", "보통")]
    [InlineData("ko", "3", "시장가")]
    [InlineData("ko", "10", "보통(IOC)")]
    [InlineData("ko", "62", "시간외단일가")]
    [InlineData("ko", "00", "보통")]
    [InlineData("en", "0", "Limit")]
    [InlineData("en", "28", "Stop limit")]
    [InlineData("en", "99", "99")]
    public void TradeTypesShowByTheirName(string culture, string code, string name)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var factory = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        Assert.Equal(name, AuditNames.TradeType(new Microsoft.Extensions.Localization.StringLocalizer<OrdersText>(factory), code));
    }
}
