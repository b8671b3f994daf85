using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Auth;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>Every REST TR of the generated registry goes out through the typed send path to its path with its api-id.</summary>
public sealed class RegistrySendTests
{
    private static readonly MethodInfo SendAsyncDefinition = typeof(KiwoomRestClient).GetMethods()
        .Single(m => m.Name == nameof(KiwoomRestClient.SendAsync) && m.IsGenericMethodDefinition);

    public static TheoryData<string> RestApiIds =>
        [.. KiwoomApis.All.Where(d => d.Kind is ApiKind.Query or ApiKind.Order).Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RestApiIds))]
    public async Task EveryRestTrSendsItsExampleToItsPathWithItsApiId(string apiId)
    {
        var api = KiwoomApis.Find(apiId)!;
        var tr = KiwoomCatalog.Default.ById[apiId];
        var request = JsonSerializer.Deserialize(tr.RequestExample.GetRawText(), api.RequestType, KiwoomJson.Options)!;
        var harness = new RestHarness();
        var answer = new JsonObject { ["return_code"] = 0, ["return_msg"] = "정상적으로 처리되었습니다" };
        foreach (var list in tr.Response.Where(f => f.IsList))
        {
            answer[list.Name] = new JsonArray();
        }

        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json(answer.ToJsonString()));

        var send = (Task)SendAsyncDefinition.MakeGenericMethod(api.ResponseType)
            .Invoke(harness.Client, [harness.Credential, request, CancellationToken.None])!;
        await send;

        var sent = Assert.Single(harness.Handler.Calls(apiId));
        Assert.Equal("/sim" + tr.Path, sent.Uri.AbsolutePath);
        Assert.Equal(api.Path, tr.Path);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(tr.RequestExample.GetRawText()), JsonNode.Parse(sent.Body)), $"{apiId} sent {sent.Body}");

        // The success envelope decodes into the TR's own response type.
        var result = send.GetType().GetProperty("Result")!.GetValue(send)!;
        Assert.Null(result.GetType().GetProperty("Error")!.GetValue(result));
    }

    [Fact]
    public void EveryOrderTrIsInTheOrderGroupAndNeverRetrySafe()
    {
        var orders = KiwoomApis.All.Where(d => d.Kind == ApiKind.Order).ToList();

        Assert.Contains(orders, d => d.Id == "kt10000");
        Assert.All(orders, d =>
        {
            Assert.False(d.RetrySafe);
            Assert.Equal(RateLimitGroup.Order, d.RateGroup);
        });
    }

    [Fact]
    public void TheOAuthClientUsesTheRegistryPaths()
    {
        Assert.Equal(KiwoomOAuthClient.IssuePath, KiwoomApis.Au10001.Path);
        Assert.Equal(KiwoomOAuthClient.RevokePath, KiwoomApis.Au10002.Path);
        Assert.Equal(KiwoomOAuthClient.IssueApiId, KiwoomApis.Au10001.Id);
        Assert.Equal(KiwoomOAuthClient.RevokeApiId, KiwoomApis.Au10002.Id);
    }

    [Fact]
    public async Task GeneratedOrderTimingOutIsSentOnceWithUnknownOutcome()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };
        var order = new Kt10000Request { Exchange = "KRX", StockCode = "005930", OrderQuantity = "1", TradeType = "3" };

        var result = await harness.RunAsync(harness.Client.SendAsync(harness.Credential, order), step: TimeSpan.FromSeconds(1));

        Assert.True(result.Error!.IsOutcomeUnknown);
        Assert.Single(harness.Handler.Calls("kt10000"));
    }
}
