using System.Collections.Concurrent;
using System.Text.Json;
using Dashboard.Kiwoom.Realtime;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;

namespace Dashboard.Kiwoom.Tests.Realtime;

public sealed class KiwoomRealtimeClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = ScriptedKiwoomServer.Timeout;

    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger<KiwoomRealtimeClient> _logger = new();
    private readonly ConcurrentQueue<RealtimeStateChange> _changes = new();
    private ScriptedKiwoomServer _server = null!;
    private FakeTokenSource _tokens = null!;
    private KiwoomRealtimeClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedKiwoomServer.StartAsync();
        _tokens = new FakeTokenSource(_time);
        _client = NewClient(new RealtimeClientOptions());
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task LogsInWithTheIssuedTokenAndReportsConnected()
    {
        var result = await ConnectAsync();

        Assert.True(result.IsSuccess, result.ToString());
        var connection = await _server.NextConnectionAsync();
        Assert.Equal("""{"trnm":"LOGIN","token":"token-1"}""", await connection.ReceiveAsync());
        Assert.Equal([RealtimeConnectionState.Connecting, RealtimeConnectionState.Connected], _changes.Select(c => c.State));
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains("token-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryPingIsEchoedUnchanged()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        const string ping = """{"trnm":"PING","seq":"7", "x":[1,2]}""";
        await connection.SendAsync(ping);

        Assert.Equal(ping, await connection.ReceiveAsync());
    }

    [Fact]
    public async Task SecondSubscriberReusesRegistrationAndLastDisposeSendsRemove()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        var first = Ok(await _client.SubscribeAsync("0B", "005930"));
        var reg = JsonDocument.Parse(await connection.ReceiveAsync()).RootElement;
        var second = Ok(await _client.SubscribeAsync("0B", "005930"));
        await first.DisposeAsync();

        // A PING echo next proves neither the second subscribe nor the first dispose sent anything.
        await connection.SendAsync("""{"trnm":"PING"}""");
        Assert.Equal("""{"trnm":"PING"}""", await connection.ReceiveAsync());
        await second.DisposeAsync();
        var remove = JsonDocument.Parse(await connection.ReceiveAsync()).RootElement;

        Assert.Equal("REG", ScriptedKiwoomServer.Trnm(reg));
        Assert.Equal("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930"],"type":["0B"]}]}""", reg.GetRawText());
        Assert.Equal("""{"trnm":"REMOVE","grp_no":"1","data":[{"item":["005930"],"type":["0B"]}]}""", remove.GetRawText());
    }

    [Fact]
    public async Task SubscribingBeforeConnectingStartsTheConnectionAndRegistersAfterLogin()
    {
        await using var tick = Ok(await _client.SubscribeAsync("0B", "005930"));

        var connection = await _server.NextConnectionAsync();
        var (reg, skipped) = await connection.ReceiveUntilAsync("REG");

        Assert.Equal(["""{"trnm":"LOGIN","token":"token-1"}"""], skipped);
        Assert.Equal("005930", reg.GetProperty("data")[0].GetProperty("item")[0].GetString());
        await _client.WaitForAsync(s => s == RealtimeConnectionState.Connected).AsTask().WaitAsync(Timeout);
    }

    [Fact]
    public async Task ConcurrentSubscriptionsEachGetTheirOwnAcknowledgedRegistration()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => _client.SubscribeAsync("0B", $"{i:D6}").AsTask())).WaitAsync(Timeout);
        var items = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var reg = JsonDocument.Parse(await connection.ReceiveAsync()).RootElement;
            items.Add(reg.GetProperty("data")[0].GetProperty("item")[0].GetString()!);
        }

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"{i:D6}").Order(), items.Order());
        foreach (var result in results)
        {
            await result.Value!.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARemovalCutShortByTheClientStoppingIsNotLoggedAsAFailure()
    {
        // At a host's teardown a page's feed can send its REMOVE while the client stops: the connection's
        // registrations end with it, so there is nothing left that failed (S4 logged 4010 "... failed: stopped").
        _server.Answer = m => ScriptedKiwoomServer.Trnm(m) == "REMOVE" ? [] : _server.DefaultAnswer(m);
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();
        var subscription = Ok(await _client.SubscribeAsync("0B", "005930"));
        await connection.ReceiveUntilAsync("REG");

        var removing = subscription.DisposeAsync().AsTask();
        await connection.ReceiveUntilAsync("REMOVE");
        await _client.DisposeAsync();
        await removing.WaitAsync(Timeout);

        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4010);
    }

    [Fact]
    public async Task AConditionClearCutShortByTheClientStoppingIsNotLoggedAsAFailure()
    {
        // The same teardown for a condition: its CNSRCLR goes unanswered while the client stops; the connection's
        // condition registrations end with it, so nothing failed.
        _server.Answer = m => ScriptedKiwoomServer.Trnm(m) switch
        {
            "CNSRLST" => ["""{"trnm":"CNSRLST","return_code":0,"return_msg":"","data":[["4","급등"]]}"""],
            "CNSRREQ" => ["""{"trnm":"CNSRREQ","seq":"4","return_code":0,"data":[{"jmcode":"A005930"}]}"""],
            "CNSRCLR" => [],
            _ => _server.DefaultAnswer(m),
        };
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();
        Ok(await _client.ListConditionsAsync());
        var subscription = Ok(await _client.SubscribeConditionAsync("4").AsTask().WaitAsync(Timeout));

        var clearing = subscription.DisposeAsync().AsTask();
        await connection.ReceiveUntilAsync("CNSRCLR").WaitAsync(Timeout);
        await _client.DisposeAsync();
        await clearing.WaitAsync(Timeout);

        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4010);
    }

    [Fact]
    public async Task RefusedRegistrationIsAnErrorWithTheServerMessage()
    {
        _server.Answer = m => ScriptedKiwoomServer.Trnm(m) == "REG"
            ? ["""{"trnm":"REG","return_code":1,"return_msg":"등록 종목수 초과"}"""]
            : _server.DefaultAnswer(m);
        await ConnectAsync();

        var result = await _client.SubscribeAsync("0B", "005930");

        Assert.False(result.IsSuccess);
        Assert.Equal("등록 종목수 초과", result.Error.Message);
    }

    [Fact]
    public async Task RealEventsReachMatchingSubscribersOnly()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();
        await using var samsung = Ok(await _client.SubscribeAsync("0B", "005930"));
        await using var hynix = Ok(await _client.SubscribeAsync("0B", "000660"));
        await using var fills = Ok(await _client.SubscribeAsync("00", ""));

        await connection.SendAsync(RealtimeFrames.TradeTick);
        await connection.SendAsync(RealtimeFrames.FullSample("00"));

        var tick = await samsung.Events.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), TradeTick.From(tick)!.Value.Price);
        var fill = await fills.Events.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal("005930", fill.Item);
        Assert.False(hynix.Events.TryRead(out _));
    }

    [Fact]
    public async Task FramesSplitIntoOneByteFragmentsAndFramesOver64KbParse()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();
        await using var first = Ok(await _client.SubscribeAsync("0B", "005930"));
        await using var last = Ok(await _client.SubscribeAsync("0B", "000399"));
        var large = RealtimeFrames.ManyTicks(400);
        Assert.True(large.Length > 64 * 1024);

        await connection.SendAsync(RealtimeFrames.TradeTick, chunk: 1);
        await connection.SendAsync(large, chunk: 4000);
        await connection.SendAsync(large);

        Assert.Equal(-50, TradeTick.From(await first.Events.ReadAsync().AsTask().WaitAsync(Timeout))!.Value.Change);
        Assert.Equal("000399", (await last.Events.ReadAsync().AsTask().WaitAsync(Timeout)).Item);
        Assert.Equal("000399", (await last.Events.ReadAsync().AsTask().WaitAsync(Timeout)).Item);
    }

    [Fact]
    public async Task DroppedConnectionReconnectsWithBackoffAndRegistersEverythingAgain()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();
        await using var tick = Ok(await _client.SubscribeAsync("0B", "005930"));
        await using var book = Ok(await _client.SubscribeAsync("0D", "005930"));
        await using var tick2 = Ok(await _client.SubscribeAsync("0B", "000660"));
        await using var fills = Ok(await _client.SubscribeAsync("00", ""));

        connection.Abort();
        var reconnecting = await _client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        Assert.Equal(KiwoomErrorKind.Transport, reconnecting.Error?.Kind);
        Assert.InRange(reconnecting.RetryIn!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _time.Advance(reconnecting.RetryIn.Value);

        var again = await _server.NextConnectionAsync();
        Assert.Equal("""{"trnm":"LOGIN","token":"token-2"}""", await again.ReceiveAsync());
        var regs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            regs.Add(await again.ReceiveAsync());
        }

        await _client.WaitForAsync(s => s == RealtimeConnectionState.Connected).AsTask().WaitAsync(Timeout);
        Assert.Equal(
            [
                """{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930","000660"],"type":["0B"]}]}""",
                """{"trnm":"REG","grp_no":"2","refresh":"1","data":[{"item":["005930"],"type":["0D"]}]}""",
                """{"trnm":"REG","grp_no":"3","refresh":"1","data":[{"item":[""],"type":["00"]}]}""",
            ],
            regs);
        await again.SendAsync(RealtimeFrames.TradeTick);
        Assert.Equal("005930", (await tick.Events.ReadAsync().AsTask().WaitAsync(Timeout)).Item);
    }

    [Fact]
    public async Task ReplacedSessionStopsUntilTheOwnerReconnects()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        await connection.SendAsync("""{"trnm":"SYSTEM","code":"R10001","message":"동일한 App key로 접속이 되었습니다. 기존 세션은 종료가 됩니다"}""");
        var replaced = await _client.WaitForAsync(s => s == RealtimeConnectionState.Replaced).AsTask().WaitAsync(Timeout);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("R10001", replaced.Error?.DetailCode);
        Assert.Contains("동일한 App key", replaced.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(RealtimeConnectionState.Replaced, _client.State);
        Assert.Equal(1, _server.ConnectionCount);
        Assert.True((await ConnectAsync()).IsSuccess);
        Assert.Equal(2, _server.ConnectionCount);
    }

    [Fact]
    public async Task SocketThatAnswersPingButSendsNoRealIsReplaced()
    {
        await using var client = NewClient(new RealtimeClientOptions { SilenceTimeout = TimeSpan.FromSeconds(30), RealDataTimeout = TimeSpan.FromSeconds(60) });
        Assert.True((await client.ConnectAsync().AsTask().WaitAsync(Timeout)).IsSuccess);
        var connection = await LoggedInConnectionAsync();
        await using var tick = Ok(await client.SubscribeAsync("0B", "005930"));
        await connection.ReceiveUntilAsync("REG");

        var start = _time.GetUtcNow();

        // Every 10 s the server pings and the client echoes, so only the no-REAL bound can fire.
        for (var step = 0; step < 8; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            if (!await connection.TrySendAsync("""{"trnm":"PING"}""") || await connection.TryReceiveAsync() is null)
            {
                break;
            }
        }

        var dropped = await client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        Assert.Contains("No REAL", dropped.Error?.Message, StringComparison.Ordinal);
        Assert.InRange(dropped.At - start, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(75));
    }

    [Fact]
    public async Task SocketCarryingOnlyOrderAndBalanceRegistrationsIsKeptThroughALongQuiet()
    {
        // A member who trades nothing gets no 00/04 push for hours; tearing the socket down every
        // RealDataTimeout would re-register and re-login for nothing (and open a gap for fills).
        await using var client = NewClient(new RealtimeClientOptions { SilenceTimeout = TimeSpan.FromSeconds(30), RealDataTimeout = TimeSpan.FromSeconds(60) });
        Assert.True((await client.ConnectAsync().AsTask().WaitAsync(Timeout)).IsSuccess);
        var connection = await LoggedInConnectionAsync();
        await using var fills = Ok(await client.SubscribeAsync("00", ""));
        await connection.ReceiveUntilAsync("REG");
        await using var balance = Ok(await client.SubscribeAsync("04", ""));
        await connection.ReceiveUntilAsync("REG");

        for (var step = 0; step < 15; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(await connection.TrySendAsync("""{"trnm":"PING"}"""));
            Assert.NotNull(await connection.TryReceiveAsync());
        }

        Assert.Equal(RealtimeConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task TheNoRealClockStartsWithTheFirstMarketDataRegistrationNotWithAnEarlierOrderOne()
    {
        await using var client = NewClient(new RealtimeClientOptions { SilenceTimeout = TimeSpan.FromSeconds(30), RealDataTimeout = TimeSpan.FromSeconds(60) });
        Assert.True((await client.ConnectAsync().AsTask().WaitAsync(Timeout)).IsSuccess);
        var connection = await LoggedInConnectionAsync();
        await using var fills = Ok(await client.SubscribeAsync("00", ""));
        await connection.ReceiveUntilAsync("REG");
        for (var step = 0; step < 12; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(await connection.TrySendAsync("""{"trnm":"PING"}"""));
            Assert.NotNull(await connection.TryReceiveAsync());
        }

        // Two quiet minutes on 00 alone; a quote registration now must get its own full minute.
        await using var tick = Ok(await client.SubscribeAsync("0B", "005930"));
        await connection.ReceiveUntilAsync("REG");
        for (var step = 0; step < 4; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(await connection.TrySendAsync("""{"trnm":"PING"}"""));
            Assert.NotNull(await connection.TryReceiveAsync());
        }

        Assert.Equal(RealtimeConnectionState.Connected, client.State);
        var start = _time.GetUtcNow();
        for (var step = 0; step < 6; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            if (!await connection.TrySendAsync("""{"trnm":"PING"}""") || await connection.TryReceiveAsync() is null)
            {
                break;
            }
        }

        var dropped = await client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        Assert.Contains("No REAL", dropped.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocketWithoutAnyMessageIsReplaced()
    {
        await using var client = NewClient(new RealtimeClientOptions { SilenceTimeout = TimeSpan.FromSeconds(30) });
        Assert.True((await client.ConnectAsync().AsTask().WaitAsync(Timeout)).IsSuccess);
        await LoggedInConnectionAsync();

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(RealtimeConnectionState.Connected, client.State);
        _time.Advance(TimeSpan.FromSeconds(20));

        var dropped = await client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        Assert.Contains("No message", dropped.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredTokenAtLoginIsReissuedOnceAndLogsInAgain()
    {
        _server.LoginAnswers.Enqueue("""{"trnm":"LOGIN","return_code":3,"return_msg":"토큰 인증에 실패했습니다. 접속을 종료합니다 [CODE=8005, MESSAGE=Token이 유효하지 않습니다]"}""");
        var connecting = _client.ConnectAsync().AsTask();

        var retry = await _client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        Assert.Equal(KiwoomErrorKind.TokenExpired, retry.Error?.Kind);
        _time.Advance(retry.RetryIn!.Value);

        Assert.True((await connecting.WaitAsync(Timeout)).IsSuccess);
        Assert.Equal(1, _tokens.Forced);
        await _server.NextConnectionAsync();
        var second = await _server.NextConnectionAsync();
        Assert.Equal("""{"trnm":"LOGIN","token":"token-2"}""", await second.ReceiveAsync());
    }

    [Fact]
    public async Task SecondTokenRejectionFailsWithoutALoop()
    {
        const string rejected = """{"trnm":"LOGIN","return_code":"3","return_msg":"[CODE=8005, MESSAGE=Token이 유효하지 않습니다]"}""";
        _server.LoginAnswers.Enqueue(rejected);
        _server.LoginAnswers.Enqueue(rejected);
        var connecting = _client.ConnectAsync().AsTask();

        var retry = await _client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        _time.Advance(retry.RetryIn!.Value);
        var result = await connecting.WaitAsync(Timeout);

        Assert.False(result.IsSuccess);
        Assert.Equal(RealtimeConnectionState.Failed, _client.State);
        Assert.Equal("8005", result.Error.DetailCode);
        Assert.Equal(1, _tokens.Forced);
        Assert.Equal(2, _server.ConnectionCount);
    }

    [Fact]
    public async Task OtherLoginFailureFailsWithTheKiwoomMessageAndNoTokenReissue()
    {
        _server.LoginAnswers.Enqueue("""{"trnm":"LOGIN","return_code":"7","return_msg":"서비스 오류 [CODE=1999, MESSAGE=예기치 못한 에러]"}""");

        var result = await ConnectAsync();

        Assert.False(result.IsSuccess);
        Assert.Equal((7, "1999"), (result.Error.ReturnCode, result.Error.DetailCode));
        Assert.Contains("예기치 못한 에러", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _tokens.Forced);
        Assert.Equal(RealtimeConnectionState.Failed, _client.Current.State);
    }

    [Fact]
    public async Task TokenNearExpiryIsRefreshedBeforeLogin()
    {
        _tokens.Lifetime = TimeSpan.FromMinutes(5);

        await ConnectAsync();

        var connection = await _server.NextConnectionAsync();
        Assert.Equal("""{"trnm":"LOGIN","token":"token-2"}""", await connection.ReceiveAsync());
        Assert.Equal(1, _tokens.Forced);
    }

    [Fact]
    public async Task ConditionSearchListsSearchesWithContinuationAndStreamsChanges()
    {
        var searches = new ConcurrentQueue<string>();
        _server.Answer = m =>
        {
            switch (ScriptedKiwoomServer.Trnm(m))
            {
                case "CNSRLST":
                    return ["""{"trnm":"CNSRLST","return_code":0,"return_msg":"","data":[["0","조건1"],["4","급등"]]}"""];
                case "CNSRREQ" when m.GetProperty("search_type").GetString() == "0":
                    searches.Enqueue(m.GetRawText());
                    return m.GetProperty("cont_yn").GetString() == "Y"
                        ? ["""{"trnm":"CNSRREQ","seq":"4","cont_yn":"N","next_key":"","return_code":0,"data":[{"9001":"A000660","302":"SK하이닉스","10":"000180000","25":"2","11":"+00001000","12":"+00000056","13":"000000100","16":"000179000","17":"000181000","18":"000178000"}]}"""]
                        : ["""{"trnm":"CNSRREQ","seq":"4","cont_yn":"Y","next_key":"k1","return_code":0,"data":[{"9001":"A005930","302":"삼성전자","10":"000075000","25":"5","11":"-00000100","12":"-00000130","13":"010386116","16":"000075100","17":"000075600","18":"000074700"}]}"""];
                case "CNSRREQ":
                    return ["""{"trnm":"CNSRREQ","seq":"4","return_code":0,"data":[{"jmcode":"A005930"},{"jmcode":"A000660"}]}"""];
                case "CNSRCLR":
                    return ["""{"trnm":"CNSRCLR","seq":"4","return_code":0,"return_msg":""}"""];
                default:
                    return _server.DefaultAnswer(m);
            }
        };
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        var list = Ok(await _client.ListConditionsAsync());
        var rows = Ok(await _client.SearchAsync("4"));
        var subscription = Ok(await _client.SubscribeConditionAsync("4"));
        await connection.SendAsync("""{"trnm":"REAL","data":[{"type":"02","name":"조건검색","item":"035420","values":{"841":"4","9001":"035420","843":"I","20":"152028","907":"2"}}]}""");
        var snapshot = await subscription.Changes.ReadAsync().AsTask().WaitAsync(Timeout);
        var inserted = await subscription.Changes.ReadAsync().AsTask().WaitAsync(Timeout);
        await subscription.DisposeAsync();
        var (clear, _) = await connection.ReceiveUntilAsync("CNSRCLR");

        Assert.Equal([new ConditionInfo("0", "조건1"), new ConditionInfo("4", "급등")], list);
        Assert.Equal(["005930", "000660"], rows.Select(r => r.Code));
        Assert.Equal(new SignedPrice(75000, PriceDirection.Flat), rows[0].Price);
        Assert.Equal(-100, rows[0].Change);
        Assert.Contains("\"next_key\":\"k1\"", searches.Last(), StringComparison.Ordinal);
        Assert.Equal(["005930", "000660"], subscription.Initial);
        Assert.Equal(ConditionChangeKind.Snapshot, snapshot.Kind);
        Assert.Equal((ConditionChangeKind.Inserted, "035420"), (inserted.Kind, inserted.Codes[0]));
        Assert.Equal("4", clear.GetProperty("seq").GetString());
    }

    [Fact]
    public async Task StateChangesAreObservableInOrder()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        connection.Abort();
        var reconnecting = await _client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
        _time.Advance(reconnecting.RetryIn!.Value);
        await _client.WaitForAsync(s => s == RealtimeConnectionState.Connected).AsTask().WaitAsync(Timeout);
        await _client.DisposeAsync();

        Assert.Equal(
            [RealtimeConnectionState.Connecting, RealtimeConnectionState.Connected, RealtimeConnectionState.Reconnecting,
             RealtimeConnectionState.Connected, RealtimeConnectionState.Disconnected],
            _changes.Select(c => c.State));
    }

    [Fact]
    public async Task HeartbeatTimeoutNoticeReconnectsRatherThanStopping()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();

        await connection.SendAsync("""{"trnm":"SYSTEM","code":"R10002","message":"사용자 프로그램으로부터 Heartbeat(연결유지) 메시지가 오지않아서 접속을 종료합니다"}""");
        var reconnecting = await _client.WaitForAsync(s => s != RealtimeConnectionState.Connected).AsTask().WaitAsync(Timeout);
        _time.Advance(reconnecting.RetryIn!.Value);

        Assert.Equal(RealtimeConnectionState.Reconnecting, reconnecting.State);
        Assert.Contains("R10002", reconnecting.Error?.Message, StringComparison.Ordinal);
        await _server.NextConnectionAsync();
        await _client.WaitForAsync(s => s == RealtimeConnectionState.Connected).AsTask().WaitAsync(Timeout);
    }

    [Fact]
    public async Task MalformedMessagesAreLoggedAndTheConnectionCarriesOn()
    {
        await ConnectAsync();
        var connection = await LoggedInConnectionAsync();
        await using var tick = Ok(await _client.SubscribeAsync("0B", "005930"));

        await connection.SendAsync("""{"trnm":"REAL","data":[{"type":"0B","values":{"10":""");
        await connection.SendAsync("not json at all");
        await connection.SendAsync(RealtimeFrames.TradeTick);

        Assert.Equal("005930", (await tick.Events.ReadAsync().AsTask().WaitAsync(Timeout)).Item);
        Assert.Equal(RealtimeConnectionState.Connected, _client.State);
        Assert.Equal(2, _logger.Collector.GetSnapshot().Count(r => r.Id.Id == 4007));
    }

    [Fact]
    public async Task SlowQuoteSubscriberLosesOldestTicksButFillsAreNeverDropped()
    {
        await using var client = NewClient(new RealtimeClientOptions { SubscriberCapacity = 2 });
        Assert.True((await client.ConnectAsync().AsTask().WaitAsync(Timeout)).IsSuccess);
        var connection = await LoggedInConnectionAsync();
        await using var ticks = Ok(await client.SubscribeAsync("0B", "005930"));
        await using var fills = Ok(await client.SubscribeAsync("00", ""));

        for (var i = 0; i < 5; i++)
        {
            await connection.SendAsync(RealtimeFrames.TradeTick.Replace("\"165208\"", $"\"16520{i}\"", StringComparison.Ordinal));
            await connection.SendAsync(RealtimeFrames.FullSample("00"));
        }

        var received = new List<RealtimeEvent>();
        for (var i = 0; i < 5; i++)
        {
            received.Add(await fills.Events.ReadAsync().AsTask().WaitAsync(Timeout));
        }

        // Fills are sent after each tick, so once all five fills are in, every tick has been routed.
        Assert.Equal(3, ticks.DroppedCount);
        var kept = new List<TimeOnly?>();
        while (ticks.Events.TryRead(out var e))
        {
            kept.Add(TradeTick.From(e)!.Value.Time);
        }

        Assert.Equal([new TimeOnly(16, 52, 3), new TimeOnly(16, 52, 4)], kept);
        Assert.Equal(5, received.Count);
    }

    [Fact]
    public async Task UnreachableServerIsRetriedWithGrowingDelaysNeverFasterThanOncePerSecond()
    {
        var attempts = 0;
        await using var client = new KiwoomRealtimeClient(_server.Credential, _tokens, new RealtimeClientOptions(), _time, _logger,
            connect: (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new System.Net.WebSockets.WebSocketException("connection refused");
            },
            random: () => 0.5);
        var delays = new List<TimeSpan>();

        _ = client.ConnectAsync();
        for (var i = 0; i < 6; i++)
        {
            var waiting = await client.WaitForAsync(s => s == RealtimeConnectionState.Reconnecting).AsTask().WaitAsync(Timeout);
            delays.Add(waiting.RetryIn!.Value);
            _time.Advance(waiting.RetryIn.Value);
            await PollAsync(() => Volatile.Read(ref attempts) == i + 2 && client.State == RealtimeConnectionState.Reconnecting && client.Current.At == _time.GetUtcNow());
        }

        Assert.Equal([1, 1, 2, 4, 8, 15], delays.Select(d => d.TotalSeconds));
        Assert.Contains("connection refused", client.Current.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedConnectExceptionFailsInsteadOfHanging()
    {
        await using var client = new KiwoomRealtimeClient(_server.Credential, _tokens, new RealtimeClientOptions(), _time, _logger,
            connect: (_, _) => throw new InvalidOperationException("bad scheme"));

        var result = await client.ConnectAsync().AsTask().WaitAsync(Timeout);

        Assert.False(result.IsSuccess);
        Assert.Contains("bad scheme", result.Error.Message, StringComparison.Ordinal);
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not met before the deadline.");
            await Task.Delay(5);
        }
    }

    private static T Ok<T>(KiwoomResult<T> result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private KiwoomRealtimeClient NewClient(RealtimeClientOptions options)
    {
        var client = new KiwoomRealtimeClient(_server.Credential, _tokens, options, _time, _logger, random: () => 0.5);
        client.StateChanged += (_, change) => _changes.Enqueue(change);
        return client;
    }

    private async Task<KiwoomResult<RealtimeStateChange>> ConnectAsync() =>
        await _client.ConnectAsync().AsTask().WaitAsync(Timeout);

    private async Task<ServerConnection> LoggedInConnectionAsync()
    {
        var connection = await _server.NextConnectionAsync();
        await connection.ReceiveUntilAsync("LOGIN");
        return connection;
    }
}
