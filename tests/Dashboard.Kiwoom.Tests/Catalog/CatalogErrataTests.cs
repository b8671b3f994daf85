using System.Text.Json;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Tests.Catalog;

/// <summary>Description errata kept in overlay.json: applied to the catalog the generator and the library read.</summary>
public sealed class CatalogErrataTests
{
    private const string Catalog = """
        [{"id":"ka10051","name_ko":"업종별투자자순매수요청","name_en":"x","path":"/api/dostk/sect",
          "response":[{"name":"inds_netprps","type":"LIST","desc":"list","fields":[{"name":"cur_prc","desc":"Current price. Unit: KRW"}]},
                      {"name":"cur_prc","desc":"top-level, untouched"}]}]
        """;

    [Fact]
    public void AnOverlayDescriptionReplacesTheCatalogsAtItsListPathOnly()
    {
        var corrected = CatalogErrata.Apply(Catalog, """
            {"trs":{"ka10051":{"kind":"Query","retrySafe":true,"rateGroup":"Query","fields":{
              "inds_netprps.cur_prc":{"desc":"Current index. Unit: index; value is the index x100 with the decimal point removed","why":"guide example"}}}}}
            """);

        var tr = Assert.Single(JsonSerializer.Deserialize<List<CatalogTr>>(corrected)!);
        Assert.Equal("Current index. Unit: index; value is the index x100 with the decimal point removed", tr.Response[0].Fields![0].Desc);
        Assert.Equal("top-level, untouched", tr.Response[1].Desc);
        Assert.Equal("업종별투자자순매수요청", tr.NameKo);
    }

    [Fact]
    public void AnOverlayWithoutDescriptionsLeavesTheCatalogAsItIs()
    {
        var overlay = """{"fields":{"cur_prc":{"name":"CurrentPrice"}},"trs":{"ka10051":{"kind":"Query","retrySafe":true,"rateGroup":"Query","fields":{"inds_netprps.cur_prc":{"type":"SignedPrice"}}}}}""";

        Assert.Same(Catalog, CatalogErrata.Apply(Catalog, overlay));
    }

    [Fact]
    public void AnErratumForAFieldTheCatalogLacksIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => CatalogErrata.Apply(Catalog, """
            {"trs":{"ka10051":{"kind":"Query","retrySafe":true,"rateGroup":"Query","fields":{"inds_netprps.cur_prcc":{"desc":"typo"}}}}}
            """));

        Assert.Contains("ka10051.inds_netprps.cur_prcc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ka10051", "inds_netprps", "cur_prc")]
    [InlineData("ka10051", "inds_netprps", "pred_pre")]
    public void TheEmbeddedCatalogReadsKa10051sSectorIndexAsHundredthsOfAPoint(string apiId, string list, string field)
    {
        var desc = KiwoomCatalog.Default.ById[apiId].Response.Single(f => f.Name == list).Fields!.Single(f => f.Name == field).Desc;

        var facts = FieldDescription.Read(desc);
        Assert.True(facts.IndexTimes100, desc);
        Assert.False(facts.UnitIsWon, desc);
    }

    [Theory]
    [InlineData("ka40003", "etfdaly_trnsn")]
    [InlineData("ka40004", "etfall_mrpr")]
    [InlineData("ka40006", "etftisl_trnsn")]
    [InlineData("ka40009", "etfnavarray")]
    public void TheEmbeddedCatalogReadsAnEtfNavsSignAsItsDirection(string apiId, string list)
    {
        var desc = KiwoomCatalog.Default.ById[apiId].Response.Single(f => f.Name == list).Fields!.Single(f => f.Name == "nav").Desc;

        Assert.True(FieldDescription.Read(desc).LeadingSign, desc);
    }

    [Theory]
    [InlineData("ka40009", "etfnavarray", "navflu_rt")]
    [InlineData("ka40009", "etfnavarray", "dispty_rt")]
    public void TheEmbeddedCatalogReadsKa40009sBareRatesAsSignedPercentages(string apiId, string list, string field)
    {
        var facts = FieldDescription.Read(Desc(apiId, list, field));

        Assert.True(facts.UnitIsPercent && facts.SaysSigned && !facts.IsMagnitude && !facts.IsWeight, facts.Text);
    }

    [Theory]
    [InlineData("ka40003", "etfdaly_trnsn")]
    [InlineData("ka40004", "etfall_mrpr")]
    [InlineData("ka40009", "etfnavarray")]
    public void TheEmbeddedCatalogReadsEveryEtfTrackingErrorAsASizeNotAMove(string apiId, string list)
    {
        var facts = FieldDescription.Read(Desc(apiId, list, "trace_eor_rt"));

        Assert.True(facts.IsMagnitude, facts.Text);
        Assert.False(facts.SaysSigned, facts.Text);
    }

    private static string Desc(string apiId, string list, string field) =>
        KiwoomCatalog.Default.ById[apiId].Response.Single(f => f.Name == list).Fields!.Single(f => f.Name == field).Desc;
}
