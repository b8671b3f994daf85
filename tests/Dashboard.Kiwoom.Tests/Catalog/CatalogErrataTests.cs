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

    [Fact]
    public void AnAdditionInsertsTheLiveApisFieldsAfterTheNamedFieldOfAList()
    {
        var corrected = CatalogErrata.Apply(Catalog, """
            {"trs":{"ka10051":{"add":[{"list":"inds_netprps","after":"cur_prc","evidence":"live reply",
              "fields":[{"name":"stex_tp","ko":"거래소구분","desc":"Exchange"},{"name":"flu_rt","desc":"Rate","type":"SignedRate"}]}]}}}
            """);

        var tr = Assert.Single(JsonSerializer.Deserialize<List<CatalogTr>>(corrected)!);
        var names = tr.Response[0].Fields!.Select(f => f.Name).ToArray();
        Assert.Equal(["cur_prc", "stex_tp", "flu_rt"], names);
        Assert.Equal("String", tr.Response[0].Fields![1].Type);
        Assert.Equal("SignedRate", tr.Response[0].Fields![2].Type);
        Assert.Equal(["inds_netprps", "cur_prc"], tr.Response.Select(f => f.Name).ToArray());
    }

    [Fact]
    public void AnAdditionWithoutAListGoesToTheTopLevelEnd()
    {
        var corrected = CatalogErrata.Apply(Catalog, """
            {"trs":{"ka10051":{"add":[{"list":null,"evidence":"live reply","fields":[{"name":"return_code","desc":"code"}]}]}}}
            """);

        var tr = Assert.Single(JsonSerializer.Deserialize<List<CatalogTr>>(corrected)!);
        Assert.Equal(["inds_netprps", "cur_prc", "return_code"], tr.Response.Select(f => f.Name).ToArray());
    }

    [Theory]
    [InlineData("""{"list":"inds_netprps","after":"cur_prc","fields":[{"name":"cur_prc"}]}""", "already lists")]
    [InlineData("""{"list":"inds_netprps","after":"nope","fields":[{"name":"stex_tp"}]}""", "ka10051.nope")]
    [InlineData("""{"list":"no_such_list","fields":[{"name":"stex_tp"}]}""", "ka10051.no_such_list")]
    public void AnAdditionThatDuplicatesOrPointsNowhereIsRefused(string addition, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => CatalogErrata.Apply(Catalog, """{"trs":{"ka10051":{"add":[""" + addition + "]}}}"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGuideTypeCorrectionTurnsAListIntoAPlainValueWithoutRows()
    {
        var corrected = CatalogErrata.Apply(Catalog, """
            {"trs":{"ka10051":{"fields":{"inds_netprps":{"guideType":"String","why":"the live API sends a plain value"}}}}}
            """);

        var tr = Assert.Single(JsonSerializer.Deserialize<List<CatalogTr>>(corrected)!);
        Assert.Equal("String", tr.Response[0].Type);
        Assert.Null(tr.Response[0].Fields);
        Assert.Equal("list", tr.Response[0].Desc);
    }

    [Fact]
    public void TheEmbeddedCatalogCarriesTheExchangeOfKa20001sMinuteIndexRows()
    {
        var rows = KiwoomCatalog.Default.ById["ka20001"].Response.Single(f => f.Name == "inds_cur_prc_tm").Fields!;

        Assert.Contains(rows, f => f.Name == "stex_tp");
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
