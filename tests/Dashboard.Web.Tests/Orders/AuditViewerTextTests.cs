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
}
