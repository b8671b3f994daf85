using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Kiwoom.Tests.Explorer;

public sealed class TrFormValidatorTests
{
    private static readonly TrForm Chart = TrForms.Find("ka10081")!;
    private static readonly TrForm Ranking = TrForms.Find("ka10027")!;

    [Fact]
    public void AMissingRequiredFieldStopsTheRequestAndNamesTheField()
    {
        var result = TrFormValidator.Validate(Chart, [Pair("stk_cd", "005930"), Pair("upd_stkpc_tp", "1")]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(TrFormProblemKind.MissingRequired, error.Kind);
        Assert.Equal("base_dt", error.Field);
    }

    [Fact]
    public void AnUnknownOrRepeatedFieldStopsTheRequest()
    {
        var result = TrFormValidator.Validate(Chart, [Pair("stk_cd", "005930"), Pair("STK_CD", "000660"), Pair("colour", "red"), Pair("base_dt", "20250124"), Pair("upd_stkpc_tp", "1")]);

        Assert.Equal([TrFormProblemKind.Duplicate, TrFormProblemKind.UnknownField], result.Errors.Select(e => e.Kind));
        Assert.Equal("005930", result.Body["stk_cd"]!.GetValue<string>());
    }

    [Fact]
    public void OddValuesAreWarningsAndTheBodyStillCarriesThem()
    {
        var result = TrFormValidator.Validate(Ranking, [
            Pair("mrkt_tp", "999"), Pair("sort_tp", "1"), Pair("trde_qty_cnd", "0000"), Pair("stk_cnd", "0"),
            Pair("crd_cnd", "0"), Pair("updown_incls", "1"), Pair("pric_cnd", "0"), Pair("trde_prica_cnd", "0"), Pair("stex_tp", "1234567890"),
        ]);
        var chart = TrFormValidator.Validate(Chart, [Pair("stk_cd", "005930"), Pair("base_dt", "2025-01-24"), Pair("upd_stkpc_tp", "1")]);

        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, w => w.Kind == TrFormProblemKind.NotACode && w.Field == "mrkt_tp");
        Assert.Contains(result.Warnings, w => w.Kind == TrFormProblemKind.TooLong && w.Field == "stex_tp");
        Assert.Equal("999", result.Body["mrkt_tp"]!.GetValue<string>());
        Assert.True(chart.IsValid);
        Assert.Equal(TrFormProblemKind.NotADate, Assert.Single(chart.Warnings).Kind);
    }

    [Fact]
    public void ABlankValueIsSentAsGivenWithoutWarnings()
    {
        var result = TrFormValidator.Validate(Chart, [Pair("stk_cd", "005930"), Pair("base_dt", ""), Pair("upd_stkpc_tp", "1")]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
        Assert.Equal(string.Empty, result.Body["base_dt"]!.GetValue<string>());
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => KeyValuePair.Create(name, value);
}
