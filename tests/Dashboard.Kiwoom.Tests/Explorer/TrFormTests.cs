using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Generated;

namespace Dashboard.Kiwoom.Tests.Explorer;

/// <summary>Data-driven over the registry: every one of the 188 TRs has a form built from its catalog entry.</summary>
public sealed class TrFormTests
{
    public static TheoryData<string> ApiIds() => [.. KiwoomApis.All.Select(a => a.Id)];

    [Fact]
    public void EveryTrOfTheCatalogAndTheRegistryHasAForm()
    {
        Assert.Equal(188, TrForms.All.Count);
        Assert.Equal(KiwoomApis.All.Select(a => a.Id).Order(), TrForms.All.Select(f => f.ApiId).Order());
    }

    [Theory]
    [MemberData(nameof(ApiIds))]
    public void EveryTrBuildsAFormWhoseFieldsAreTheCatalogsRequestFields(string apiId)
    {
        var tr = KiwoomCatalog.Default.ById[apiId];
        var form = TrForms.Find(apiId)!;

        Assert.Equal(KiwoomApis.Find(apiId)!.Kind, form.Kind);
        Assert.Equal(tr.NameKo, form.NameKo);
        Assert.Equal(tr.NameEn, form.NameEn);
        Assert.Equal(tr.Request.Select(f => (f.Name, f.Ko, f.Required, f.Length)), form.Fields.Select(f => (f.Name, f.NameKo, f.Required, f.Length)));
        foreach (var field in form.Fields)
        {
            var example = tr.RequestExample.TryGetProperty(field.Name, out var value) ? value.GetString() : null;
            Assert.Equal(example, field.Default);
            if (field.CodesAreClosed)
            {
                Assert.True(field.Codes.Count >= 2, $"{apiId}.{field.Name}: a closed list of {field.Codes.Count}.");
                Assert.True(string.IsNullOrEmpty(field.Default) || field.Codes.Any(c => c.Value == field.Default), $"{apiId}.{field.Name}: default '{field.Default}' is not selectable.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ApiIds))]
    public void EveryTrsDocumentedExampleValidatesWithoutErrors(string apiId)
    {
        var tr = KiwoomCatalog.Default.ById[apiId];
        var form = TrForms.Find(apiId)!;

        var result = TrFormValidator.Validate(form, TrForm.ExampleOf(tr));

        Assert.True(result.IsValid, $"{apiId}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        Assert.Equal(tr.RequestExample.EnumerateObject().Select(p => p.Name), result.Body.Select(p => p.Key));
    }

    [Fact]
    public void CodeListsBecomeSelectsOnlyWhereTheCatalogListsTheWholeSet()
    {
        var ranking = TrForms.Find("ka10027")!;
        var market = ranking.Field("mrkt_tp")!;
        var quote = TrForms.Find("ka10001")!.Field("stk_cd")!;
        var sector = TrForms.Find("ka20001")!.Field("inds_cd")!;

        Assert.True(market.CodesAreClosed);
        Assert.Equal([new TrCode("000", "all"), new TrCode("001", "KOSPI"), new TrCode("101", "KOSDAQ")], market.Codes);
        Assert.Empty(quote.Codes);
        Assert.NotEmpty(sector.Codes);
        Assert.False(sector.CodesAreClosed);
    }
}
