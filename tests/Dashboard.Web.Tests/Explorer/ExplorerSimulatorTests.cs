using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Explorer;

/// <summary>
/// The explorer's path against the embedded simulator over loopback: the documented example checked by
/// TrFormValidator, sent by the member session's QueryRawAsync, drawn as TrAnswer tables.
/// </summary>
public sealed class ExplorerSimulatorTests(ExplorerHost explorer) : IClassFixture<ExplorerHost>
{
    public static TheoryData<string> QueryTrs() =>
        [.. TrForms.All.Where(f => !f.IsWebSocket && BrokerRefusals.ForQueryPath(KiwoomApis.Find(f.ApiId)!) is null).Select(f => f.ApiId)];

    private static readonly List<string> OrderIds = [.. KiwoomApis.All.Where(a => a.Kind == ApiKind.Order).Select(a => a.Id)];

    [Theory]
    [MemberData(nameof(QueryTrs))]
    public async Task EveryQueryTrAnswersFromTheSimulatorAsTablesThroughTheExplorerPath(string apiId)
    {
        var tr = KiwoomCatalog.Default.ById[apiId];
        var form = TrForms.Find(apiId)!;
        var request = TrFormValidator.Validate(form, TrForm.ExampleOf(tr));
        Assert.True(request.IsValid);

        var sent = await explorer.Session.Queries.QueryRawAsync(apiId, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request.Body, KiwoomJson.Options));

        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        Assert.True(sent.Value.Error is null, $"{apiId}: {sent.Value.Error}");
        var answer = TrAnswer.Decode(tr, [sent.Value.Body]);
        Assert.True(answer.IsSuccess, answer.Error?.ToString());
        Assert.Equal("0", answer.Value.Fields.Single(f => f.Field.Name == "return_code").Value.Text);
        Assert.Equal(tr.Response.Where(f => f.IsList).Select(f => f.Name).Distinct(), answer.Value.Lists.Select(l => l.Name));
        Assert.All(answer.Value.Lists, list => Assert.All(list.Rows, row => Assert.Equal(list.Columns.Count, row.Count)));
    }

    [Fact]
    public async Task EveryOrderTrIsRefusedByTheQueryPathAndNothingReachesTheSimulator()
    {
        var before = explorer.Host.Simulator.Stats().Requests;

        foreach (var apiId in OrderIds)
        {
            var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(KiwoomCatalog.Default.ById[apiId].RequestExample);
            var sent = await explorer.Session.Queries.QueryRawAsync(apiId, body);

            Assert.False(sent.IsSuccess, apiId);
            Assert.Equal(BrokerRefusals.OrderPathCode, sent.Error.DetailCode);
        }

        Assert.Equal(12, OrderIds.Count);
        Assert.Equal(before, explorer.Host.Simulator.Stats().Requests);
    }
}
