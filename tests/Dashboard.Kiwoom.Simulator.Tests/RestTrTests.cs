using System.Text.Json;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class RestTrTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly SimulatorHost _sim = shared.Sim;
    private readonly string _token = shared.Token;

    public static TheoryData<string> QueryTrs()
    {
        var data = new TheoryData<string>();
        foreach (var tr in KiwoomCatalog.Default.Trs.Where(t => !t.IsWebSocket && !t.Path.StartsWith("/oauth2", StringComparison.Ordinal) && !IsOrder(t.Id)))
        {
            data.Add(tr.Id);
        }

        return data;
    }

    [Fact]
    public void CatalogHas184RestTrsAndFourWebSocketTrs()
    {
        Assert.Equal(184, KiwoomCatalog.Default.Trs.Count(t => !t.IsWebSocket));
        Assert.Equal(4, KiwoomCatalog.Default.Trs.Count(t => t.IsWebSocket));
    }

    [Theory]
    [MemberData(nameof(QueryTrs))]
    public async Task EveryQueryTrAnswersItsRequestExampleWithEveryCatalogField(string apiId)
    {
        var tr = KiwoomCatalog.Default.Find(apiId)!;
        var response = await _sim.CallAsync(tr.Id, tr.Path, tr.RequestExample.GetRawText(), _token);

        Assert.True(response.Status == 200, response.Text);
        Assert.True(response.ReturnCode == 0, response.Text);

        // The wire schema: the catalog's fields with its errata's additions and corrections (overlay.json).
        AssertSchemaComplete(KiwoomCatalog.Default.Find(apiId)!.Response, response.Root, tr.Id);
    }

    [Fact]
    public async Task AWatchListOfOneCodeAnswersThatListingAlone()
    {
        // The ETF page asks ka10095 for its one code; the market's largest listing must not answer in its place.
        var watch = await _sim.CallAsync("ka10095", "/api/dostk/stkinfo", new { stk_cd = "069500" }, _token);

        var rows = watch.Root.GetProperty("atn_stk_infr").EnumerateArray().ToArray();
        var row = Assert.Single(rows);
        Assert.Equal("069500", row.GetProperty("stk_cd").GetString()!.Trim());
        Assert.Equal(_sim.Market.Read(u => u.ByCode["069500"].Last), Price(row.GetProperty("cur_prc").GetString()!));
    }

    [Fact]
    public async Task SameStockShowsTheSamePriceInEveryQuoteTr()
    {
        var basic = await _sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, _token);
        var book = await _sim.CallAsync("ka10004", "/api/dostk/mrkcond", new { stk_cd = "005930" }, _token);
        var watch = await _sim.CallAsync("ka10095", "/api/dostk/stkinfo", new { stk_cd = "005930|000660" }, _token);
        var live = _sim.Market.Read(u => u.ByCode["005930"].Last);

        Assert.Equal(live, Price(basic.Root.GetProperty("cur_prc").GetString()!));
        var watchRow = watch.Root.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value[0];
        Assert.Equal(live, Price(watchRow.GetProperty("cur_prc").GetString()!));
        var bestAsk = Price(book.Root.GetProperty("sel_fpr_bid").GetString()!);
        var bestBid = Price(book.Root.GetProperty("buy_fpr_bid").GetString()!);
        Assert.True(bestBid < bestAsk, $"bid {bestBid} must be below ask {bestAsk}");
        Assert.True(live == bestAsk || live == bestBid, "the last trade sits on one side of the touch");
    }

    [Fact]
    public async Task DailyChartEndsAtTheLivePriceAndPagesWithContinuationHeaders()
    {
        var today = KoreaTime.Today(_sim.Clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var first = await _sim.CallAsync("ka10081", "/api/dostk/chart", new { stk_cd = "005930", base_dt = today, upd_stkpc_tp = "1" }, _token);
        var rows = first.Root.GetProperty("stk_dt_pole_chart_qry");
        var live = _sim.Market.Read(u => u.ByCode["005930"].Last);

        Assert.Equal(today, rows[0].GetProperty("dt").GetString());
        Assert.Equal(live, Price(rows[0].GetProperty("cur_prc").GetString()!));
        Assert.Equal("Y", first.ContYn);
        Assert.False(string.IsNullOrEmpty(first.NextKey));

        var second = await _sim.CallAsync("ka10081", "/api/dostk/chart", new { stk_cd = "005930", base_dt = today, upd_stkpc_tp = "1" }, _token, "Y", first.NextKey);
        var next = second.Root.GetProperty("stk_dt_pole_chart_qry");
        var lastOfFirst = string.CompareOrdinal(rows[rows.GetArrayLength() - 1].GetProperty("dt").GetString(), next[0].GetProperty("dt").GetString());
        Assert.True(lastOfFirst > 0, "the second page continues with older days");
    }

    [Fact]
    public async Task RankingIsSortedByTheModelsChangeRate()
    {
        _sim.Control.Step(200);
        var response = await _sim.CallAsync("ka10027", "/api/dostk/rkinfo", KiwoomCatalog.Default.Find("ka10027")!.RequestExample.GetRawText(), _token);
        var rows = response.Root.GetProperty("pred_pre_flu_rt_upper");
        var rates = rows.EnumerateArray().Select(r => decimal.Parse(r.GetProperty("flu_rt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.NotEmpty(rates);
        Assert.Equal(rates.OrderByDescending(r => r).ToArray(), rates);
    }

    internal static bool IsOrder(string id) => id.StartsWith("kt100", StringComparison.Ordinal) || id is "kt50000" or "kt50001" or "kt50002" or "kt50003";

    internal static long Price(string wire) => long.Parse(wire.TrimStart('+', '-', ' '), System.Globalization.CultureInfo.InvariantCulture);

    internal static void AssertSchemaComplete(IReadOnlyList<CatalogField> fields, JsonElement body, string apiId)
    {
        foreach (var f in fields)
        {
            if (f.Name is "return_code" or "return_msg")
            {
                continue;
            }

            Assert.True(body.TryGetProperty(f.Name, out var value), $"{apiId}: field {f.Name} is missing");
            if (f.IsList)
            {
                Assert.Equal(JsonValueKind.Array, value.ValueKind);
                foreach (var row in value.EnumerateArray())
                {
                    AssertSchemaComplete(f.Fields ?? [], row, apiId);
                }
            }
            else if (!f.IsObject)
            {
                Assert.True(value.ValueKind == JsonValueKind.String, $"{apiId}: {f.Name} must be a JSON string");
            }
        }
    }
}
