using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// A VI stops trading for the single-price period, not quoting: the book and the best quotes keep moving with
/// the auction's expected price and quantity, and the auction prints at release.
/// </summary>
public sealed class ViAuctionTests
{
    private const string Samsung = "005930";
    private static readonly TimeSpan StepInterval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task DuringAViTradesPauseButTheBookKeepsQuotingTheExpectedPrice()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        var recorder = new MarketRecorder();
        sim.Market.AddObserver(recorder);
        var vi = sim.Control.TriggerVi(Samsung, upward: true);
        var quantities = new List<long>();

        for (var n = 0; n < 100; n++)
        {
            sim.Clock.Advance(StepInterval);
            sim.Control.Step();
            quantities.Add(sim.Market.Read(u => u.ByCode[Samsung].ExpectedQuantity));
        }

        var i = sim.Market.Universe.ByCode[Samsung];
        Assert.True(sim.Market.Read(_ => i.InVi));
        Assert.Equal(0, recorder.Trades.GetValueOrDefault(Samsung));
        Assert.InRange(recorder.Quotes.GetValueOrDefault(Samsung), 20, 100);
        Assert.True(quantities[^1] > 0 && quantities.SequenceEqual(quantities.Order()), "orders accumulate in the auction");
        var (expected, ask, bid) = sim.Market.Read(_ => (i.ExpectedPrice, i.AskPrices[0], i.BidPrices[0]));
        Assert.InRange(expected, i.LowerLimit, i.UpperLimit);
        Assert.Equal(expected, ask);
        Assert.Equal(expected, bid);
        Assert.NotEqual(default, vi.ReleaseAt);
    }

    [Fact]
    public async Task OutsideAViTheBookUpdatesSeveralTimesPerTrade()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        var recorder = new MarketRecorder();
        sim.Market.AddObserver(recorder);

        sim.Control.Step(200);

        var trades = recorder.Trades.Values.Sum();
        var quotes = recorder.Quotes.Values.Sum();
        Assert.True(trades > 1_000, $"{trades} trades");
        Assert.InRange(quotes, trades * 3 / 2, trades * 3);
        Assert.Contains(recorder.Trades, t => recorder.Quotes.GetValueOrDefault(t.Key) > t.Value);
    }

    [Fact]
    public async Task DuringAViTheBookAndBestQuotePushesCarryTheExpectedPriceAndQuantity()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { Samsung }, type = new[] { "0C", "0D" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");
        sim.Control.TriggerVi(Samsung, upward: true);

        // Step the auction until it has moved; each step is taken before waiting, so nothing races the clock.
        var i = sim.Market.Universe.ByCode[Samsung];
        for (var n = 0; n < 200 && sim.Market.Read(_ => i.ExpectedQuantity) == 0; n++)
        {
            sim.Clock.Advance(StepInterval);
            sim.Control.Step();
        }

        var (expected, quantity, basePrice) = sim.Market.Read(_ => (i.ExpectedPrice, i.ExpectedQuantity, i.BasePrice));
        Assert.True(quantity > 0);
        // The loop stopped at the auction's first move, which pushed one 0C and then one 0D.
        var best = await ws.WaitForAsync(m => WsClient.IsReal(m, "0C"));
        Assert.Equal(expected, Price(Values(best), "27"));
        Assert.Equal(expected, Price(Values(best), "28"));
        var book = await ws.WaitForAsync(m => WsClient.IsReal(m, "0D"));
        var values = Values(book);
        Assert.Equal(expected, Price(values, "23"));
        Assert.Equal(expected, Price(values, "291"));
        Assert.Equal(expected, Price(values, "41"));
        Assert.Equal(expected, Price(values, "51"));
        Assert.Equal(quantity.ToString(CultureInfo.InvariantCulture), values.GetProperty("292").GetString());
        Assert.Equal(expected - basePrice, long.Parse(values.GetProperty("200").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(quantity.ToString(CultureInfo.InvariantCulture), values.GetProperty("24").GetString());
    }

    [Fact]
    public async Task ViReleasePushCarriesTheTriggerAndAuctionTimesAndCountsTheAuctionPrint()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        var token = await sim.TokenAsync();
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(token);
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { Samsung }, type = new[] { "1h", "0B" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");

        var vi = sim.Control.TriggerVi(Samsung, upward: true);
        var trigger = Values(await ws.WaitForAsync(m => WsClient.IsReal(m, "1h")));
        for (var n = 0; n < 50; n++)
        {
            sim.Clock.Advance(StepInterval);
            sim.Control.Step();
        }

        var auction = sim.Market.Read(u => u.ByCode[Samsung].ExpectedPrice);
        sim.Clock.Advance(vi.ReleaseAt - sim.Clock.GetUtcNow() + TimeSpan.FromSeconds(3));
        sim.Control.Step();

        // No trade prints during the VI, so the first 0B after it is the auction's print.
        var print = Values(await ws.WaitForAsync(m => WsClient.IsReal(m, "0B")));
        var release = Values(await ws.WaitForAsync(m => WsClient.IsReal(m, "1h")));
        var triggerTime = Hms(vi.TriggeredAt);
        var releaseTime = Hms(vi.ReleaseAt);
        Assert.Equal("1", trigger.GetProperty("9068").GetString());
        Assert.Equal("2", release.GetProperty("9068").GetString());
        Assert.Equal(triggerTime, trigger.GetProperty("1223").GetString());
        Assert.Equal(triggerTime, release.GetProperty("1223").GetString());
        Assert.Equal(releaseTime, trigger.GetProperty("1224").GetString());
        Assert.Equal(releaseTime, release.GetProperty("1224").GetString());
        Assert.Equal(releaseTime, print.GetProperty("20").GetString());
        Assert.Equal(auction, Price(print, "10"));
        Assert.Equal(print.GetProperty("13").GetString(), release.GetProperty("13").GetString());

        var log = await sim.CallAsync("ka10054", "/api/dostk/stkinfo", KiwoomCatalog.Default.Find("ka10054")!.RequestExample.GetRawText(), token);
        var row = log.Root.GetProperty("motn_stk").EnumerateArray().First(r => r.GetProperty("stk_cd").GetString()!.EndsWith(Samsung, StringComparison.Ordinal));
        Assert.Equal(releaseTime, row.GetProperty("virelis_time").GetString());
    }

    private static JsonElement Values(JsonElement m) => m.GetProperty("data")[0].GetProperty("values");

    private static long Price(JsonElement values, string fid) => long.Parse(values.GetProperty(fid).GetString()!.TrimStart('+', '-'), CultureInfo.InvariantCulture);

    private static string Hms(DateTimeOffset t) => KoreaTime.WallClock(t).ToString("HHmmss", CultureInfo.InvariantCulture);
}
