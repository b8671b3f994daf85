using System.Net;
using System.Text.Json;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class ControlSurfaceTests
{
    [Fact]
    public async Task ControlApiIsNotMappedUnlessEnabled()
    {
        await using var sim = await SimulatorHost.StartAsync();

        using var response = await sim.Http.GetAsync("/_sim/stats");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ControlApiHaltsAndTriggersViAndReportsCounters()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.ControlEnabled = true);
        var token = await sim.TokenAsync();
        await sim.CallAsync("ka10001", "/api/dostk/stkinfo", new { stk_cd = "005930" }, token);

        using var halt = await sim.Http.PostAsync("/_sim/halt?code=000660&on=true", null);
        using var vi = await sim.Http.PostAsync("/_sim/vi?code=005930&up=true", null);
        using var stats = await sim.Http.GetAsync("/_sim/stats");

        Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        Assert.True(sim.Market.Read(u => u.ByCode["000660"].Halted));
        Assert.True(sim.Market.Read(u => u.ByCode["005930"].InVi));
        using var doc = JsonDocument.Parse(await stats.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("requests").GetInt64() >= 2);

        var listed = await sim.CallAsync("ka10054", "/api/dostk/stkinfo", Catalog.KiwoomCatalog.Default.Find("ka10054")!.RequestExample.GetRawText(), token);
        var row = listed.Root.GetProperty("motn_stk")[0];
        Assert.Equal("005930", row.GetProperty("stk_cd").GetString());
        Assert.Equal("정적", row.GetProperty("viaplc_tp").GetString());

        var order = await sim.CallAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = "000660", ord_qty = "1", ord_uv = "", trde_tp = "3", cond_uv = "" }, token);
        Assert.StartsWith("[2000](RC4060:", order.ReturnMessage);
    }

    [Fact]
    public async Task SilenceStopsRealFramesButPingsContinue()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromSeconds(5));
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "0B" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");

        sim.Control.SetSilent(true);
        sim.Market.Print(sim.Market.Universe.ByCode["005930"], sim.Market.Read(u => u.ByCode["005930"].Last), 1, sim.Clock.GetUtcNow());
        sim.Clock.Advance(TimeSpan.FromSeconds(5));

        var next = await ws.WaitForAsync(m => WsClient.Trnm(m) is "PING" or "REAL", echoPings: false);
        Assert.Equal("PING", WsClient.Trnm(next));
    }

    [Fact]
    public async Task DropClosesEverySocket()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());

        Assert.Equal(1, sim.Control.DropSockets());

        // A closed socket, not the deadline: a deadline would also end this wait if the drop did nothing.
        var ended = await Record.ExceptionAsync(async () => await ws.WaitForAsync(_ => false));
        Assert.True(ended is System.Net.WebSockets.WebSocketException or InvalidOperationException, $"expected the socket to close, got {ended?.GetType().Name ?? "nothing"}");
    }

    [Fact]
    public async Task EmitTimestampsAddTheEmitTimeToEachRealEntry()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.EmitTimestamps = true);
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "0B" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");

        sim.Market.Print(sim.Market.Universe.ByCode["005930"], sim.Market.Read(u => u.ByCode["005930"].Last), 1, sim.Clock.GetUtcNow());

        var frame = await ws.WaitForAsync(m => WsClient.IsReal(m, "0B"));
        Assert.Equal(sim.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), frame.GetProperty("data")[0].GetProperty("emit_ts").GetString());
    }
}
