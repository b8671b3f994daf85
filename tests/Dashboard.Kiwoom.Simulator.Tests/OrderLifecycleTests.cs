using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class OrderLifecycleTests
{
    private const string Samsung = "005930";

    [Fact]
    public async Task MarketBuyFillsPushes00And04AndShowsInEveryAccountTr()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        var token = await sim.TokenAsync();
        await using var ws = await LoggedInWithAccountFeedAsync(sim, token);

        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "10", ord_uv = "", trde_tp = "3", cond_uv = "" }, token);
        Assert.True(order.ReturnCode == 0, order.Text);
        var number = order.Root.GetProperty("ord_no").GetString()!;

        var accepted = await ws.WaitForAsync(m => Is00(m, number, "접수"));
        var filled = await ws.WaitForAsync(m => Is00(m, number, "체결") && Values(m).GetProperty("902").GetString() == "0");
        var balance = await ws.WaitForAsync(m => WsClient.IsReal(m, "04"));
        Assert.Equal("+매수", Values(accepted).GetProperty("905").GetString());
        Assert.Equal("10", Values(balance).GetProperty("930").GetString());
        var average = long.Parse(Values(balance).GetProperty("931").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var filledAmount = long.Parse(Values(filled).GetProperty("903").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(filledAmount, average * 10);

        var holdings = await sim.CallAsync("kt00018", "/api/dostk/acnt", new { qry_tp = "1", dmst_stex_tp = "KRX" }, token);
        var row = holdings.Root.GetProperty("acnt_evlt_remn_indv_tot")[0];
        Assert.Equal("A" + Samsung, row.GetProperty("stk_cd").GetString());
        Assert.Equal(10, long.Parse(row.GetProperty("rmnd_qty").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(average, long.Parse(row.GetProperty("pur_pric").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var deposit = await sim.CallAsync("kt00001", "/api/dostk/acnt", new { qry_tp = "3" }, token);
        var fee = (long)(filledAmount * 0.00015m) / 10 * 10;
        Assert.Equal(100_000_000 - filledAmount - fee, Number(deposit.Root.GetProperty("entr").GetString()!));

        var fills = await sim.CallAsync("ka10076", "/api/dostk/acnt", new { stk_cd = "", qry_tp = "0", sell_tp = "0", ord_no = "", stex_tp = "0" }, token);
        Assert.Contains(fills.Root.GetProperty("cntr").EnumerateArray(), r => r.GetProperty("ord_no").GetString() == number);

        var account = await sim.CallAsync("ka00001", "/api/dostk/acnt", new { }, token);
        Assert.Equal(Values(accepted).GetProperty("9201").GetString(), account.Root.GetProperty("acctNo").GetString());
    }

    [Fact]
    public async Task LimitOrderRestsIsModifiedIntoTheMarketAndFills()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        var token = await sim.TokenAsync();
        await using var ws = await LoggedInWithAccountFeedAsync(sim, token);
        var (bid, ask, tick) = sim.Market.Read(u => (u.ByCode[Samsung].BidPrices[0], u.ByCode[Samsung].AskPrices[0], TickSize.For(InstrumentKind.Stock, u.ByCode[Samsung].Last)));
        var below = bid - 5 * tick;

        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "3", ord_uv = below.ToString(System.Globalization.CultureInfo.InvariantCulture), trde_tp = "0", cond_uv = "" }, token);
        var number = order.Root.GetProperty("ord_no").GetString()!;
        var open = await sim.CallAsync("ka10075", "/api/dostk/acnt", new { all_stk_tp = "0", trde_tp = "0", stk_cd = "", stex_tp = "0" }, token);
        Assert.Contains(open.Root.GetProperty("oso").EnumerateArray(), r => r.GetProperty("ord_no").GetString() == number && Number(r.GetProperty("oso_qty").GetString()!) == 3);

        var modify = await sim.CallAsync("kt10002", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", orig_ord_no = number, stk_cd = Samsung, mdfy_qty = "3", mdfy_uv = (ask + 2 * tick).ToString(System.Globalization.CultureInfo.InvariantCulture), mdfy_cond_uv = "" }, token);
        Assert.True(modify.ReturnCode == 0, modify.Text);
        var replacement = modify.Root.GetProperty("ord_no").GetString()!;
        Assert.Equal(number, modify.Root.GetProperty("base_orig_ord_no").GetString());
        Assert.Equal("000000000003", modify.Root.GetProperty("mdfy_qty").GetString());

        var modified = await ws.WaitForAsync(m => Is00(m, replacement, "접수"));
        Assert.Equal("+매수정정", Values(modified).GetProperty("905").GetString());
        await ws.WaitForAsync(m => Is00(m, replacement, "체결"));
        var afterwards = await sim.CallAsync("ka10075", "/api/dostk/acnt", new { all_stk_tp = "0", trde_tp = "0", stk_cd = "", stex_tp = "0" }, token);
        Assert.Empty(afterwards.Root.GetProperty("oso").EnumerateArray());
    }

    [Fact]
    public async Task LargeLimitOrderFillsPartlyThenRestsAndCancelReleasesTheRest()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        var token = await sim.TokenAsync();
        await using var ws = await LoggedInWithAccountFeedAsync(sim, token);
        var (ask, askQty) = sim.Market.Read(u => (u.ByCode[Samsung].AskPrices[0], u.ByCode[Samsung].AskQuantities[0]));
        var quantity = askQty + 50;

        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), ord_uv = ask.ToString(System.Globalization.CultureInfo.InvariantCulture), trde_tp = "0", cond_uv = "" }, token);
        Assert.True(order.ReturnCode == 0, order.Text);
        var number = order.Root.GetProperty("ord_no").GetString()!;
        var partial = await ws.WaitForAsync(m => Is00(m, number, "체결"));
        Assert.Equal("50", Values(partial).GetProperty("902").GetString());

        var cancel = await sim.CallAsync("kt10003", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", orig_ord_no = number, stk_cd = Samsung, cncl_qty = "0" }, token);
        Assert.True(cancel.ReturnCode == 0, cancel.Text);
        Assert.Equal("000000000050", cancel.Root.GetProperty("cncl_qty").GetString());
        var confirm = await ws.WaitForAsync(m => Is00(m, number, "취소"));
        Assert.Equal("0", Values(confirm).GetProperty("902").GetString());

        var fills = await sim.CallAsync("kt00007", "/api/dostk/acnt", KiwoomCatalog.Default.Find("kt00007")!.RequestExample.GetRawText(), token);
        var original = fills.Root.GetProperty("acnt_ord_cntr_prps_dtl").EnumerateArray().Single(r => r.GetProperty("ord_no").GetString() == number);
        Assert.Equal(askQty, Number(original.GetProperty("cntr_qty").GetString()!));
    }

    [Fact]
    public async Task AFillPrintedAtARestingOrderBeforeItsCancelIsPushedFirstAndTheCancelTakesOnlyTheRest()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        sim.Control.Pause();
        var token = await sim.TokenAsync();
        await using var ws = await LoggedInWithAccountFeedAsync(sim, token);
        var (bid, tick) = sim.Market.Read(u => (u.ByCode[Samsung].BidPrices[0], TickSize.For(InstrumentKind.Stock, u.ByCode[Samsung].Last)));
        var below = (bid - 5 * tick).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "10", ord_uv = below, trde_tp = "0", cond_uv = "" }, token);
        var number = order.Root.GetProperty("ord_no").GetString()!;

        // The tape trades 3 at the resting order's price while its cancel is on the way: the cancel finds 7 left.
        Assert.Equal(3, sim.Services.GetRequiredService<Accounts.OrderEngine>().PrintToRestingOrders(Samsung, 3));
        var cancel = await sim.CallAsync("kt10003", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", orig_ord_no = number, stk_cd = Samsung, cncl_qty = "0" }, token);

        Assert.Equal("000000000007", cancel.Root.GetProperty("cncl_qty").GetString());
        var fill = await ws.WaitForAsync(m => Is00(m, number, "체결"));
        Assert.Equal(("3", "7", below), (Values(fill).GetProperty("911").GetString(), Values(fill).GetProperty("902").GetString(), Values(fill).GetProperty("910").GetString()));
        var cancelled = await ws.WaitForAsync(m => Is00(m, number, "취소"));
        Assert.Equal("0", Values(cancelled).GetProperty("902").GetString());
        var fills = await sim.CallAsync("ka10076", "/api/dostk/acnt", new { stk_cd = "", qry_tp = "0", sell_tp = "0", ord_no = "", stex_tp = "0" }, token);
        Assert.Equal(3, Number(fills.Root.GetProperty("cntr").EnumerateArray().Single(r => r.GetProperty("ord_no").GetString() == number).GetProperty("cntr_qty").GetString()!));
    }

    [Fact]
    public async Task AModifyOfZeroSharesMovesAllThatRemainsAsTheCatalogSays()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        sim.Control.Pause();
        var token = await sim.TokenAsync();
        var (bid, tick) = sim.Market.Read(u => (u.ByCode[Samsung].BidPrices[0], TickSize.For(InstrumentKind.Stock, u.ByCode[Samsung].Last)));
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "10", ord_uv = (bid - 5 * tick).ToString(inv), trde_tp = "0", cond_uv = "" }, token);
        var number = order.Root.GetProperty("ord_no").GetString()!;
        sim.Services.GetRequiredService<Accounts.OrderEngine>().PrintToRestingOrders(Samsung, 4);

        var modify = await sim.CallAsync("kt10002", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", orig_ord_no = number, stk_cd = Samsung, mdfy_qty = "0", mdfy_uv = (bid - 6 * tick).ToString(inv), mdfy_cond_uv = "" }, token);

        Assert.True(modify.ReturnCode == 0, modify.Text);
        Assert.Equal("000000000006", modify.Root.GetProperty("mdfy_qty").GetString());
    }

    [Fact]
    public async Task SellRealizesProfitAndLossWithFeesAndTax()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.TokenAsync();
        await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "5", ord_uv = "", trde_tp = "3", cond_uv = "" }, token);

        var sell = await sim.CallAsync("kt10001", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "5", ord_uv = "", trde_tp = "3", cond_uv = "" }, token);
        Assert.True(sell.ReturnCode == 0, sell.Text);

        var realized = await sim.CallAsync("ka10077", "/api/dostk/acnt", new { stk_cd = Samsung }, token);
        var row = realized.Root.GetProperty("tdy_rlzt_pl_dtl")[0];
        Assert.Equal(5, Number(row.GetProperty("cntr_qty").GetString()!));
        Assert.True(Number(row.GetProperty("tdy_trde_tax").GetString()!) > 0, "a stock sale pays transaction tax");
        var pnl = Number(realized.Root.GetProperty("tdy_rlzt_pl").GetString()!);
        Assert.Equal(pnl, Number(row.GetProperty("tdy_sel_pl").GetString()!));
        var balance = await sim.CallAsync("kt00018", "/api/dostk/acnt", new { qry_tp = "1", dmst_stex_tp = "KRX" }, token);
        Assert.Empty(balance.Root.GetProperty("acnt_evlt_remn_indv_tot").EnumerateArray());
    }

    [Theory]
    [InlineData("tick")]
    [InlineData("band")]
    [InlineData("deposit")]
    [InlineData("holdings")]
    [InlineData("unknown-order")]
    public async Task RejectionsUseKiwoomsOrderErrorForm(string reason)
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.InitialDeposit = 1_000_000);
        var token = await sim.TokenAsync();
        var (last, upper) = sim.Market.Read(u => (u.ByCode[Samsung].Last, u.ByCode[Samsung].UpperLimit));
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var (apiId, body, code) = reason switch
        {
            "tick" => ("kt10000", (object)new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "1", ord_uv = (last + 1).ToString(inv), trde_tp = "0", cond_uv = "" }, "RC4010"),
            "band" => ("kt10000", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "1", ord_uv = (upper + 1_000).ToString(inv), trde_tp = "0", cond_uv = "" }, "RC4011"),
            "deposit" => ("kt10000", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "100", ord_uv = last.ToString(inv), trde_tp = "0", cond_uv = "" }, "855056"),
            "holdings" => ("kt10001", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "1", ord_uv = "", trde_tp = "3", cond_uv = "" }, "800033"),
            _ => ("kt10003", new { dmst_stex_tp = "KRX", orig_ord_no = "0009999", stk_cd = Samsung, cncl_qty = "0" }, "RC4032"),
        };

        var response = await sim.CallAsync(apiId, "/api/dostk/ordr", body, token);

        Assert.Equal(20, response.ReturnCode);
        Assert.StartsWith($"[2000]({code}:", response.ReturnMessage);
    }

    [Fact]
    public async Task OrdersOutsideTheSessionAreRejectedInCalendarMode()
    {
        var saturday = new DateTimeOffset(2026, 3, 14, 2, 0, 0, TimeSpan.Zero);
        await using var sim = await SimulatorHost.StartAsync(o => o.KrxCalendar = true, saturday);
        var token = await sim.TokenAsync();

        var response = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Samsung, ord_qty = "1", ord_uv = "", trde_tp = "3", cond_uv = "" }, token);

        Assert.Equal("[2000](RC4058:모의투자 장종료)", response.ReturnMessage);
    }

    [Fact]
    public async Task EveryOrderTrAnswersItsRequestExampleOnceItsPricesAndOrderNumbersExist()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.TokenAsync();
        foreach (var tr in KiwoomCatalog.Default.Trs.Where(t => RestTrTests.IsOrder(t.Id)))
        {
            var body = JsonSerializer.Deserialize<Dictionary<string, string>>(tr.RequestExample.GetRawText())!;
            var instrument = sim.Market.Universe.Find(body["stk_cd"])!;
            var (bid, ask) = sim.Market.Read(_ => (instrument.BidPrices[0], instrument.AskPrices[0]));
            var sell = tr.Id is "kt10001" or "kt10007" or "kt50001";
            if (sell)
            {
                // The examples sell what the account does not hold yet; buy it first.
                var buy = sim.Market.Universe.Find(body["stk_cd"])!.Kind == InstrumentKind.Gold ? "kt50000" : "kt10000";
                var qty = body["ord_qty"];
                var bought = await sim.CallAsync(buy, KiwoomCatalog.Default.Find(buy)!.Path, buy == "kt50000"
                    ? new Dictionary<string, string> { ["stk_cd"] = body["stk_cd"], ["ord_qty"] = qty, ["ord_uv"] = ask.ToString(System.Globalization.CultureInfo.InvariantCulture), ["trde_tp"] = "00" }
                    : new Dictionary<string, string> { ["dmst_stex_tp"] = "KRX", ["stk_cd"] = body["stk_cd"], ["ord_qty"] = qty, ["ord_uv"] = "", ["trde_tp"] = "3", ["cond_uv"] = "" }, token);
                Assert.True(bought.ReturnCode == 0, bought.Text);
            }

            // The catalog examples were priced on other days; move limit prices onto today's book.
            foreach (var priceField in new[] { "ord_uv", "mdfy_uv" })
            {
                if (body.TryGetValue(priceField, out var p) && p.Length > 0)
                {
                    body[priceField] = (sell ? ask : bid).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (body.ContainsKey("orig_ord_no"))
            {
                var placeId = tr.Id.StartsWith("kt50", StringComparison.Ordinal) ? "kt50000" : "kt10000";
                var resting = await sim.CallAsync(placeId, KiwoomCatalog.Default.Find(placeId)!.Path, placeId == "kt50000"
                    ? new Dictionary<string, string> { ["stk_cd"] = body["stk_cd"], ["ord_qty"] = "2", ["ord_uv"] = bid.ToString(System.Globalization.CultureInfo.InvariantCulture), ["trde_tp"] = "00" }
                    : new Dictionary<string, string> { ["dmst_stex_tp"] = "KRX", ["stk_cd"] = body["stk_cd"], ["ord_qty"] = "2", ["ord_uv"] = bid.ToString(System.Globalization.CultureInfo.InvariantCulture), ["trde_tp"] = "0", ["cond_uv"] = "" }, token);
                body["orig_ord_no"] = resting.Root.GetProperty("ord_no").GetString()!;
            }

            var response = await sim.CallAsync(tr.Id, tr.Path, body, token);
            Assert.True(response.ReturnCode == 0, $"{tr.Id}: {response.Text}");
            RestTrTests.AssertSchemaComplete(tr.Response, response.Root, tr.Id);
            Assert.Empty(GeneratedRecordDecodeTests.DecodeInto(tr.Id, response.Text));
        }
    }

    private static async Task<WsClient> LoggedInWithAccountFeedAsync(SimulatorHost sim, string token)
    {
        var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(token);
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { "" }, type = new[] { "00", "04" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");
        return ws;
    }

    private static bool Is00(JsonElement m, string orderNumber, string status) =>
        WsClient.IsReal(m, "00") && Values(m).GetProperty("9203").GetString() == orderNumber && Values(m).GetProperty("913").GetString() == status;

    private static JsonElement Values(JsonElement m) => m.GetProperty("data")[0].GetProperty("values");

    private static long Number(string wire) => long.Parse(wire.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture);
}
