using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Generation;

public sealed class RequestExampleTests
{
    public static TheoryData<string> ApiIds => [.. KiwoomApis.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(ApiIds))]
    public void RequestExampleSerializesToTheSameJson(string apiId)
    {
        var descriptor = KiwoomApis.Find(apiId)!;
        var example = KiwoomCatalog.Default.ById[apiId].RequestExample.GetRawText();

        var request = (IKiwoomRequest)JsonSerializer.Deserialize(example, descriptor.RequestType, KiwoomJson.Options)!;
        var json = JsonSerializer.Serialize(request, descriptor.RequestType, KiwoomJson.Options);

        Assert.Same(descriptor, request.Api);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(json)), $"{apiId}: {example} became {json}");
    }

    [Fact]
    public void EncodeOmitsOptionalFieldsLeftNullAndKeepsKoreanUnescaped()
    {
        var order = new Kt10000Request { Exchange = "KRX", StockCode = "005930", OrderQuantity = "1", TradeType = "3" };
        var search = new Ka10172Request { Trnm = "CNSRREQ", Seq = "4", SearchType = "0", ExchangeType = "K", ContYn = "N", NextKey = "조건" };

        Assert.Equal("""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"1","trde_tp":"3"}""", System.Text.Encoding.UTF8.GetString(KiwoomJson.Encode(order)));
        Assert.Contains("\"조건\"", System.Text.Encoding.UTF8.GetString(KiwoomJson.Encode(search)), StringComparison.Ordinal);
    }
}
