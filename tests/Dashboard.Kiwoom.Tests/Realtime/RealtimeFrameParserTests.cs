using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Realtime;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using SignedPrice = Dashboard.Kiwoom.Wire.SignedPrice;
using ChangeSignCode = Dashboard.Kiwoom.Wire.ChangeSignCode;

namespace Dashboard.Kiwoom.Tests.Realtime;

public sealed class RealtimeFrameParserTests
{
    private readonly RealtimeFrameParser _parser = new();
    private readonly List<RealtimeEvent> _events = [];

    [Fact]
    public void TradeTickSampleMapsToTypedValues()
    {
        var kind = _parser.Parse(RealtimeFrames.Utf8(RealtimeFrames.TradeTick), _events, out var problem);

        Assert.Equal(RealtimeMessageKind.Real, kind);
        Assert.Null(problem);
        var e = Assert.Single(_events);
        Assert.Equal(("0B", "주식체결", "005930"), (e.Type, e.Name, e.Item));
        var tick = TradeTick.From(e)!.Value;
        Assert.Equal(new TimeOnly(16, 52, 8), tick.Time);
        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), tick.Price);
        Assert.Equal(-50, tick.Change);
        Assert.Equal(-0.24m, tick.ChangeRate);
        Assert.Equal(ChangeSignCode.Down, tick.Sign);
        Assert.Equal(82, tick.Volume);
        Assert.Equal(30379732, tick.CumulativeVolume);
        Assert.Equal(new SignedPrice(20850, PriceDirection.Flat), tick.Open);
        Assert.Equal(new SignedPrice(21150, PriceDirection.Up), tick.High);
        Assert.Equal(98.92m, tick.Strength);
    }

    [Theory]
    [InlineData(" 67300", 67300, PriceDirection.Flat)]
    [InlineData("+86800", 86800, PriceDirection.Up)]
    [InlineData("-20800", 20800, PriceDirection.Down)]
    [InlineData("000075000", 75000, PriceDirection.Flat)]
    public void PriceSignIsDirectionNotArithmetic(string raw, long value, PriceDirection direction)
    {
        Assert.True(RealtimeValueParser.TryParsePrice(RealtimeFrames.Utf8(raw), out var price));
        Assert.Equal(new SignedPrice(value, direction), price);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("12a")]
    [InlineData("1.2.3")]
    [InlineData("- 5x")]
    public void MalformedNumbersAreRejectedNotZero(string raw)
    {
        Assert.False(RealtimeValueParser.TryParsePrice(RealtimeFrames.Utf8(raw), out _));
        Assert.False(RealtimeValueParser.TryParseInt64(RealtimeFrames.Utf8(raw), out _));
        Assert.False(RealtimeValueParser.TryParseDecimal(RealtimeFrames.Utf8(raw), out _));
    }

    [Theory]
    [InlineData("-0.24", "-0.24")]
    [InlineData("+28.97", "28.97")]
    [InlineData(" 0.00", "0.00")]
    [InlineData("0.000000", "0.000000")]
    [InlineData("1037.04", "1037.04")]
    [InlineData("7", "7")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    public void DecimalsKeepTheirSignAndScale(string raw, string expected)
    {
        Assert.True(RealtimeValueParser.TryParseDecimal(RealtimeFrames.Utf8(raw), out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(expected.Split('.').ElementAtOrDefault(1)?.Length ?? 0, value.Scale);
    }

    [Fact]
    public void IntegersTooLongForALongAreRejected() =>
        Assert.False(RealtimeValueParser.TryParseInt64("99999999999999999999"u8, out _));

    [Theory]
    [InlineData("246000")]
    [InlineData("12345")]
    [InlineData("12:60:00")]
    public void ImpossibleTimesAreRejected(string raw) =>
        Assert.False(RealtimeValueParser.TryParseTime(RealtimeFrames.Utf8(raw), out _));

    [Fact]
    public void TrnmAfterDataStillParsesTheEntries()
    {
        var frame = """{"data":[{"values":{"10":"+100"},"item":"000660","type":"0B","name":"주식체결"}],"trnm":"REAL"}""";

        Assert.Equal(RealtimeMessageKind.Real, _parser.Parse(RealtimeFrames.Utf8(frame), _events, out _));
        Assert.Equal(new SignedPrice(100, PriceDirection.Up), Assert.Single(_events).Values.GetPrice(10));
    }

    [Fact]
    public void EveryEntryOfAFrameBecomesAnEvent()
    {
        var frame = RealtimeFrames.ManyTicks(3);

        _parser.Parse(RealtimeFrames.Utf8(frame), _events, out _);

        Assert.Equal(["000000", "000001", "000002"], _events.Select(e => e.Item));
    }

    [Fact]
    public void UnknownEntryFieldsAndEscapesAreHandled()
    {
        var frame = """{"trnm":"REAL","data":[{"type":"0B","emit_ts":"2026-01-01T00:00:00Z","extra":{"a":[1,2]},"name":"\uC8FC\uC2DD\uCCB4\uACB0","item":"005930","values":{"302":"\uC0BC\uC131","10":"+1","x":"ignored"}}]}""";

        _parser.Parse(RealtimeFrames.Utf8(frame), _events, out var problem);

        var e = Assert.Single(_events);
        Assert.Equal("주식체결", e.Name);
        Assert.Equal("삼성", e.Values.GetString(302));
        Assert.Equal(2, e.Values.Count);
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("""{"trnm":"PING"}""", RealtimeMessageKind.Ping)]
    [InlineData("""{"trnm":"LOGIN","return_code":0,"return_msg":"","sor_yn":"Y"}""", RealtimeMessageKind.Login)]
    [InlineData("""{"trnm":"SYSTEM","code":"R10001","message":"x"}""", RealtimeMessageKind.System)]
    [InlineData("""{"trnm":"REG","return_code":0}""", RealtimeMessageKind.Register)]
    [InlineData("""{"trnm":"CNSRLST","data":[["0","a"]]}""", RealtimeMessageKind.ConditionList)]
    [InlineData("""{"trnm":"NEW"}""", RealtimeMessageKind.Unknown)]
    [InlineData("""{"trnm":"REAL"} x""", RealtimeMessageKind.Malformed)]
    [InlineData("""{"trnm":"REAL","data":[{"type":"0B","values":{"10":"1"}""", RealtimeMessageKind.Malformed)]
    [InlineData("""[1,2]""", RealtimeMessageKind.Malformed)]
    [InlineData("""{"data":[]}""", RealtimeMessageKind.Malformed)]
    public void MessagesAreClassifiedByTrnm(string frame, RealtimeMessageKind expected)
    {
        Assert.Equal(expected, _parser.Parse(RealtimeFrames.Utf8(frame), _events, out _));
        Assert.Empty(_events);
    }

    public static TheoryData<string> AllTypes() => [.. KiwoomCatalog.Default.Realtime.Types.Select(t => t.Type)];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void EveryFidOfEveryTypeReadsThroughItsDefinition(string type)
    {
        _parser.Parse(RealtimeFrames.Utf8(RealtimeFrames.FullSample(type)), _events, out var problem);

        Assert.Null(problem);
        var e = Assert.Single(_events);
        var spec = KiwoomCatalog.Default.RealtimeByType[type];
        var fields = RealtimeFields.For(type);
        Assert.Equal(spec.Fields.Count, fields.Count);
        foreach (var field in fields)
        {
            var reading = RealtimeFields.Read(e, field);
            Assert.NotNull(reading);
            var sample = spec.Fields.First(f => f.Fid == field.Fid.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sample;
            if (field.Kind == RealtimeFieldKind.Date && sample == "00000000")
            {
                Assert.Null(reading.Value);
            }
            else if (!string.IsNullOrWhiteSpace(sample) && !sample.StartsWith('('))
            {
                Assert.True(reading.Value is not null, $"{type} FID {field.Fid} ({field.Kind}) did not read sample '{sample}'.");
            }
        }
    }

    [Fact]
    public void TypedViewsReadTheirOfficialSamples()
    {
        RealtimeEvent Parse(string type)
        {
            _events.Clear();
            _parser.Parse(RealtimeFrames.Utf8(RealtimeFrames.FullSample(type)), _events, out _);
            return _events[0];
        }

        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), BestQuote.From(Parse("0C"))!.Value.BestAsk);
        var book = OrderBook.From(Parse("0D"))!;
        Assert.Equal((10, 10), (book.Asks.Count, book.Bids.Count));
        Assert.Equal(12622527, book.TotalAskQuantity);
        var fill = OrderExecution.From(Parse("00"))!;
        Assert.Equal(("접수", "+매수", 1L), (fill.Status, fill.OrderKind, fill.OrderQuantity));
        Assert.DoesNotContain("1111111111", fill.ToString(), StringComparison.Ordinal);
        Assert.Equal(102, BalanceUpdate.From(Parse("04"))!.Quantity);
        var vi = ViEvent.From(Parse("1h"))!;
        Assert.Equal((ViEventKind.Triggered, 4125L, "정적"), (vi.Kind, vi.TriggerPrice, vi.ViType));
        Assert.Equal(new SignedDecimalPrice(1762.61m, PriceDirection.Down), SectorIndex.From(Parse("0J"))!.Value);
        Assert.Equal(46, SectorAdvanceDecline.From(Parse("0U"))!.Rising);
        Assert.Equal(new SignedPrice(78300, PriceDirection.Up), InstrumentInfo.From(Parse("0g"))!.UpperLimit);
        Assert.Equal(new SignedDecimalPrice(7488.27m, PriceDirection.Up), EtfNav.From(Parse("0G"))!.Nav);
        Assert.Equal(-7805, ExpectedExecution.From(Parse("0H"))!.Value.Volume);
        Assert.Equal("b", SessionNotice.From(Parse("0s"))!.OperationCode);
        Assert.Null(TradeTick.From(Parse("0C")));
        Assert.False(TradeTick.TryFrom(Parse("0C"), out var none));
        Assert.Equal(default, none);
    }

    [Fact]
    public void TryFromWritesEveryMappedFieldOfTheTick()
    {
        _parser.Parse(RealtimeFrames.Utf8(RealtimeFrames.TradeTick), _events, out _);
        var e = Assert.Single(_events);

        Assert.True(TradeTick.TryFrom(e, out var tick));

        Assert.Equal(("005930", e.ReceivedAt), (tick.Item, tick.ReceivedAt));
        Assert.Equal(new TimeOnly(16, 52, 8), tick.Time);
        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), tick.Price);
        Assert.Equal((-50L, -0.24m, ChangeSignCode.Down), (tick.Change, tick.ChangeRate, tick.Sign));
        Assert.Equal((82L, 30379732L, 632640L), (tick.Volume, tick.CumulativeVolume, tick.CumulativeValue));
        Assert.Equal(new SignedPrice(20850, PriceDirection.Flat), tick.Open);
        Assert.Equal(new SignedPrice(21150, PriceDirection.Up), tick.High);
        Assert.Equal(new SignedPrice(20450, PriceDirection.Down), tick.Low);
        Assert.Equal(new SignedPrice(20800, PriceDirection.Down), tick.BestAsk);
        Assert.Equal(new SignedPrice(20700, PriceDirection.Down), tick.BestBid);
        Assert.Equal(98.92m, tick.Strength);
    }

    [Fact]
    public void ItemCodesStayCorrectAndReusedAcrossManyItems()
    {
        // Interning must never hand back another item's string, for ASCII and non-ASCII codes alike.
        string[] codes = [.. Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)), "Ã", "삼성A1"];
        var first = new Dictionary<string, string>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var code in codes)
            {
                _events.Clear();
                var frame = """{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"CODE","values":{"10":"+1"}}]}""".Replace("CODE", code, StringComparison.Ordinal);
                _parser.Parse(RealtimeFrames.Utf8(frame), _events, out _);
                var item = Assert.Single(_events).Item;
                Assert.Equal(code, item);
                if (round == 0)
                {
                    first[code] = item;
                }
                else
                {
                    Assert.Same(first[code], item);
                }
            }
        }
    }

    [Fact]
    public void ConditionPushBecomesInsertOrDelete()
    {
        var frame = """{"trnm":"REAL","data":[{"type":"02","name":"조건검색","item":"005930","values":{"841":"4","9001":"005930","843":"D","20":"152028","907":"2"}}]}""";

        _parser.Parse(RealtimeFrames.Utf8(frame), _events, out _);

        var change = ConditionChange.From(Assert.Single(_events))!;
        Assert.Equal(("4", ConditionChangeKind.Deleted, "005930", new TimeOnly(15, 20, 28)), (change.Seq, change.Kind, change.Codes[0], change.Time));
    }
}
