using Dashboard.Kiwoom.Catalog;
using Dashboard.Web.Market.Rankings;

namespace Dashboard.Web.Tests.Rankings;

/// <summary>The rankings picker holds the catalog's whole ranking group, each TR once, by theme.</summary>
public sealed class RankingThemesTests
{
    [Fact]
    public void ThePickerHoldsEveryRankingTrOfTheCatalogExactlyOnce()
    {
        var catalog = KiwoomCatalog.Default.Trs.Where(t => t.SubcategoryEn == "ranking").Select(t => t.Id).Order().ToList();

        var picker = RankingThemes.Forms.Select(f => f.ApiId).ToList();

        Assert.Equal(23, catalog.Count);
        Assert.Equal(catalog, picker.Order());
        Assert.Equal(picker.Count, picker.Distinct().Count());
        Assert.DoesNotContain(RankingThemes.All, t => t.Key == RankingThemes.Other);
    }

    [Theory]
    [InlineData("ka10030", "volume")]
    [InlineData("ka10027", "change")]
    [InlineData("ka90009", "foreign")]
    [InlineData("ka10039", "brokers")]
    public void EachRankingSitsInItsTheme(string apiId, string theme) =>
        Assert.Equal(theme, RankingThemes.ThemeOf(apiId)?.Key);
}
