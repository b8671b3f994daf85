using System.Text.Json;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed class WebSocketProtocolTests
{
    [Fact]
    public async Task LoginWithValidTokenIsAcknowledged()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);

        var ack = await ws.LoginAsync(await sim.TokenAsync());

        Assert.Equal(0, ack.GetProperty("return_code").GetInt32());
        Assert.Equal("Y", ack.GetProperty("sor_yn").GetString());
    }

    [Fact]
    public async Task LoginWithUnknownTokenFailsWith8005AndCloses()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);

        var ack = await ws.LoginAsync("not-a-token");

        Assert.Equal(3, ack.GetProperty("return_code").GetInt32());
        Assert.Contains("[CODE=8005, MESSAGE=Token이 유효하지 않습니다]", ack.GetProperty("return_msg").GetString());
        Assert.Null(await ws.ReceiveAsync());
    }

    [Fact]
    public async Task SecondLoginWithTheSameKeySendsR10001ToTheOlderSocketAndClosesIt()
    {
        await using var sim = await SimulatorHost.StartAsync();
        var token = await sim.TokenAsync();
        await using var first = await WsClient.ConnectAsync(sim.WebSocketUri);
        await first.LoginAsync(token);
        await using var second = await WsClient.ConnectAsync(sim.WebSocketUri);

        await second.LoginAsync(token);

        var notice = await first.WaitForAsync(m => WsClient.Trnm(m) == "SYSTEM");
        Assert.Equal("R10001", notice.GetProperty("code").GetString());
        Assert.Null(await first.ReceiveAsync());
    }

    [Fact]
    public async Task UnansweredPingsEndWithR10002AndClose()
    {
        await using var sim = await SimulatorHost.StartAsync(o =>
        {
            o.PingInterval = TimeSpan.FromSeconds(10);
            o.MissedPingsBeforeClose = 2;
        });
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());

        for (var k = 0; k < 2; k++)
        {
            await AdvanceOnePeriodAsync(sim, ws, TimeSpan.FromSeconds(10), m => WsClient.Trnm(m) == "PING");
        }

        var notice = await AdvanceOnePeriodAsync(sim, ws, TimeSpan.FromSeconds(10), m => WsClient.Trnm(m) == "SYSTEM");
        Assert.Equal("R10002", notice.GetProperty("code").GetString());
        Assert.Null(await ws.ReceiveAsync());
    }

    [Fact]
    public async Task EchoedPingsKeepTheSocketOpen()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.MissedPingsBeforeClose = 3);
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());

        for (var k = 0; k < 5; k++)
        {
            var ping = await AdvanceOnePeriodAsync(sim, ws, TimeSpan.FromSeconds(10), m => WsClient.Trnm(m) == "PING");
            await ws.SendAsync(ping.GetRawText());

            // The next period may only start once the server has read the echo, or it counts a missed PING
            // that was merely still in flight. It answers in order, so the CNSRLST reply proves the echo was read.
            await ws.SendAsync(new { trnm = "CNSRLST" });
            await ws.WaitForAsync(m => WsClient.Trnm(m) == "CNSRLST", echoPings: false);
        }

        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "0B" } } } });
        var ack = await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");
        Assert.Equal(0, ack.GetProperty("return_code").GetInt32());
    }

    [Fact]
    public async Task RegisteredStockGetsTradeFramesWithEveryFidAndRemoveStopsThem()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "0B", "0D" } } } });
        Assert.Equal(0, (await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG")).GetProperty("return_code").GetInt32());

        sim.Market.Print(sim.Market.Universe.ByCode["005930"], sim.Market.Read(u => u.ByCode["005930"].Last), 10, sim.Clock.GetUtcNow());

        var frame = await ws.WaitForAsync(m => WsClient.IsReal(m, "0B"));
        var entry = frame.GetProperty("data")[0];
        Assert.Equal("005930", entry.GetProperty("item").GetString());
        Assert.Equal("주식체결", entry.GetProperty("name").GetString());
        AssertEveryFid("0B", entry.GetProperty("values"));
        var book = await ws.WaitForAsync(m => WsClient.IsReal(m, "0D"));
        AssertEveryFid("0D", book.GetProperty("data")[0].GetProperty("values"));

        await ws.SendAsync(new { trnm = "REMOVE", grp_no = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "0B", "0D" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REMOVE");
        sim.Market.Print(sim.Market.Universe.ByCode["005930"], sim.Market.Read(u => u.ByCode["005930"].Last), 10, sim.Clock.GetUtcNow());
        await ws.SendAsync(new { trnm = "CNSRLST" });
        var next = await ws.WaitForAsync(m => WsClient.Trnm(m) is "REAL" or "CNSRLST");
        Assert.Equal("CNSRLST", WsClient.Trnm(next));
    }

    [Fact]
    public async Task RefreshZeroReplacesTheGroupsEarlierRegistrations()
    {
        await using var sim = await SimulatorHost.StartAsync();
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "0B" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");
        await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "0", data = new[] { new { item = new[] { "000660" }, type = new[] { "0B" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");

        var universe = sim.Market.Universe;
        sim.Market.Print(universe.ByCode["005930"], sim.Market.Read(u => u.ByCode["005930"].Last), 1, sim.Clock.GetUtcNow());
        sim.Market.Print(universe.ByCode["000660"], sim.Market.Read(u => u.ByCode["000660"].Last), 1, sim.Clock.GetUtcNow());

        var frame = await ws.WaitForAsync(m => WsClient.IsReal(m, "0B"));
        Assert.Equal("000660", frame.GetProperty("data")[0].GetProperty("item").GetString());
    }

    [Fact]
    public async Task EveryRealtimeTypeCanBeRegisteredAndPushesAllItsFids()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        var etf = "069500";
        var elw = "57JBHH";
        (string Type, string Item)[] registrations =
        [
            ("0A", "005930"), ("0B", "005930"), ("0C", "005930"), ("0D", "005930"), ("0E", "005930"), ("0F", "005930"),
            ("0G", etf), ("0H", "005930"), ("0I", "MGD"), ("0J", "001"), ("0U", "001"), ("0g", "005930"), ("0m", elw),
            ("0s", ""), ("0u", elw), ("0w", "005930"), ("1h", ""),
        ];
        foreach (var (type, item) in registrations)
        {
            await ws.SendAsync(new { trnm = "REG", grp_no = "1", refresh = "1", data = new[] { new { item = new[] { item }, type = new[] { type } } } });
            Assert.Equal(0, (await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG")).GetProperty("return_code").GetInt32());
        }

        var seen = new Dictionary<string, JsonElement>();
        sim.Control.TriggerVi("000660", upward: true);
        for (var round = 0; round < 30 && seen.Count < registrations.Length; round++)
        {
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
            sim.Control.Step(20);
            Print(sim, "005930");
            Print(sim, etf);
            Print(sim, elw);

            // Everything this round pushed is queued ahead of the CNSRLST reply (one outbox per socket, in
            // order), so reading up to the reply drains the round however slowly the machine runs.
            await ws.SendAsync(new { trnm = "CNSRLST" });
            await ws.WaitForAsync(m =>
            {
                if (WsClient.Trnm(m) == "REAL")
                {
                    foreach (var entry in m.GetProperty("data").EnumerateArray())
                    {
                        seen.TryAdd(entry.GetProperty("type").GetString()!, entry.GetProperty("values"));
                    }
                }

                return WsClient.Trnm(m) == "CNSRLST";
            });
        }

        foreach (var (type, _) in registrations)
        {
            Assert.True(seen.ContainsKey(type), $"no {type} frame arrived");
            AssertEveryFid(type, seen[type]);
        }
    }

    [Fact]
    public async Task ViTriggerAndReleaseArePushedAsType1h()
    {
        // The clock jumps past the two-minute VI period; a long PING interval keeps the heartbeat out of it.
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());
        await ws.SendAsync(new { trnm = "REG", grp_no = "9", refresh = "1", data = new[] { new { item = new[] { "005930" }, type = new[] { "1h" } } } });
        await ws.WaitForAsync(m => WsClient.Trnm(m) == "REG");

        var vi = sim.Control.TriggerVi("005930", upward: true);
        var triggered = await ws.WaitForAsync(m => WsClient.IsReal(m, "1h"));
        Assert.Equal("1", triggered.GetProperty("data")[0].GetProperty("values").GetProperty("9068").GetString());
        Assert.True(sim.Market.Read(u => u.ByCode["005930"].InVi));

        sim.Clock.Advance(vi.ReleaseAt - sim.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        sim.Control.Step();
        var released = await ws.WaitForAsync(m => WsClient.IsReal(m, "1h"));
        var values = released.GetProperty("data")[0].GetProperty("values");
        Assert.Equal("2", values.GetProperty("9068").GetString());
        // No auction step ran between trigger and release, so the auction printed at the trigger price.
        Assert.Equal(vi.TriggerPrice, sim.Market.Read(u => u.ByCode["005930"].StaticReference));
        Assert.False(sim.Market.Read(u => u.ByCode["005930"].InVi));
        Assert.True(vi.ReleaseAt - vi.TriggeredAt >= TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ConditionSearchListsRunsOnceWithPagingAndStreamsInsertsUntilCleared()
    {
        await using var sim = await SimulatorHost.StartAsync(o => o.PingInterval = TimeSpan.FromMinutes(30));
        await using var ws = await WsClient.ConnectAsync(sim.WebSocketUri);
        await ws.LoginAsync(await sim.TokenAsync());

        await ws.SendAsync(new { trnm = "CNSRLST" });
        var list = await ws.WaitForAsync(m => WsClient.Trnm(m) == "CNSRLST");
        var first = list.GetProperty("data")[0];
        Assert.Equal(JsonValueKind.Array, first.ValueKind);
        Assert.Equal("0", first[0].GetString());

        // Condition "4" (VI) matches exactly the listings in VI, so the test controls the result.
        sim.Control.TriggerVi("005930", upward: true);
        await ws.SendAsync(new { trnm = "CNSRREQ", seq = "4", search_type = "0", stex_tp = "K", cont_yn = "N", next_key = "" });
        var once = await ws.WaitForAsync(m => WsClient.Trnm(m) == "CNSRREQ");
        Assert.Contains(once.GetProperty("data").EnumerateArray(), r => r.GetProperty("9001").GetString() == "A005930");
        Assert.Equal(9, once.GetProperty("data")[0].GetProperty("10").GetString()!.Length);

        await ws.SendAsync(new { trnm = "CNSRREQ", seq = "4", search_type = "1", stex_tp = "K" });
        var initial = await ws.WaitForAsync(m => WsClient.Trnm(m) == "CNSRREQ");
        Assert.Contains(initial.GetProperty("data").EnumerateArray(), r => r.GetProperty("jmcode").GetString() == "A005930");

        sim.Control.TriggerVi("000660", upward: false);
        sim.Clock.Advance(TimeSpan.FromSeconds(2));
        sim.Control.Step();
        var insert = await ws.WaitForAsync(m => WsClient.IsReal(m, "02"));
        var values = insert.GetProperty("data")[0].GetProperty("values");
        Assert.Equal("000660", values.GetProperty("9001").GetString());
        Assert.Equal("I", values.GetProperty("843").GetString());
        Assert.Equal("4", values.GetProperty("841").GetString());

        await ws.SendAsync(new { trnm = "CNSRCLR", seq = "4" });
        var cleared = await ws.WaitForAsync(m => WsClient.Trnm(m) == "CNSRCLR");
        Assert.Equal(0, cleared.GetProperty("return_code").GetInt32());
    }

    internal static void AssertEveryFid(string type, JsonElement values)
    {
        foreach (var field in KiwoomCatalog.Default.RealtimeByType[type].Fields)
        {
            Assert.True(values.TryGetProperty(field.Fid, out var v) && v.ValueKind == JsonValueKind.String, $"{type}: FID {field.Fid} missing");
        }
    }

    private static void Print(SimulatorHost sim, string code)
    {
        var i = sim.Market.Universe.ByCode[code];
        if (!sim.Market.Read(_ => i.InVi))
        {
            sim.Market.Print(i, sim.Market.Read(_ => i.Last), 1, sim.Clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Moves the fake clock by exactly one PING period and waits (with the client's deadline) for what that
    /// period's tick sends. Advancing again before it arrives would run a second tick and count a second PING.
    /// </summary>
    private static async Task<JsonElement> AdvanceOnePeriodAsync(SimulatorHost sim, WsClient ws, TimeSpan period, Func<JsonElement, bool> match)
    {
        sim.Clock.Advance(period);
        return await ws.WaitForAsync(match, echoPings: false);
    }
}
