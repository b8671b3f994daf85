using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// Serializes REAL frames once per event with Utf8JsonWriter; the resulting bytes are shared by every
/// socket subscribed to the item. Every FID of realtime.json is written for its type, in catalog order.
/// </summary>
internal sealed class FrameBuilder(MarketEngine engine, bool emitTimestamps)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly JsonEncodedText Trnm = JsonEncodedText.Encode("trnm");
    private static readonly JsonEncodedText Real = JsonEncodedText.Encode("REAL");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText TypeKey = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText NameKey = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ItemKey = JsonEncodedText.Encode("item");
    private static readonly JsonEncodedText ValuesKey = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText EmitKey = JsonEncodedText.Encode("emit_ts");
    private readonly Dictionary<string, (JsonEncodedText Name, (int Fid, JsonEncodedText Key, string Fallback)[] Fields)> _types = Load();

    public bool EmitTimestamps { get; set; } = emitTimestamps;

    /// <summary>Names as the server sends them in data[].name (PROTOCOL.md 7.0), which differ from the API titles for 04, 0w and 1h.</summary>
    private static string WireName(RealtimeTypeSpec t) => t.Type switch
    {
        "04" => "현물잔고",
        "0w" => "종목별프로그램매매",
        "1h" => "VI발동/해제",
        _ => t.NameKo,
    };

    private static Dictionary<string, (JsonEncodedText, (int, JsonEncodedText, string)[])> Load()
    {
        var result = new Dictionary<string, (JsonEncodedText, (int, JsonEncodedText, string)[])>(StringComparer.Ordinal);
        foreach (var t in KiwoomCatalog.Default.Realtime.Types)
        {
            var fields = t.Fields.Select(f => (int.Parse(f.Fid, Inv), JsonEncodedText.Encode(f.Fid), Fallback(f))).ToArray();
            result[t.Type] = (JsonEncodedText.Encode(WireName(t)), fields);
        }

        // Condition-search pushes are not in realtime.json; their five FIDs are fixed by PROTOCOL.md 8.3.
        result["02"] = (JsonEncodedText.Encode("조건검색"), new[] { 841, 9001, 843, 20, 907 }.Select(f => (f, JsonEncodedText.Encode(f.ToString(Inv)), "")).ToArray());
        return result;
    }

    private static string Fallback(RealtimeFieldSpec f) =>
        f.Sample is null || f.Sample.StartsWith('(') || f.Sample.Contains('`', StringComparison.Ordinal) ? "" : f.Sample;

    /// <summary>Builds a REAL frame for a type and item; <paramref name="value"/> maps a FID to its value or null for the fallback.</summary>
    public byte[] Build(string type, string item, Func<int, string?> value)
    {
        var (name, fields) = _types[type];
        var buffer = new ArrayBufferWriter<byte>(type == "0D" ? 4096 : 1024);
        using (var w = new Utf8JsonWriter(buffer, ResponseComposer.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString(Trnm, Real);
            w.WriteStartArray(Data);
            w.WriteStartObject();
            w.WriteString(TypeKey, type);
            w.WriteString(NameKey, name);
            w.WriteString(ItemKey, item);
            if (EmitTimestamps)
            {
                w.WriteString(EmitKey, engine.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(Inv));
            }

            w.WriteStartObject(ValuesKey);
            foreach (var (fid, key, fallback) in fields)
            {
                w.WriteString(key, value(fid) ?? fallback);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Market FIDs shared by the stock types (0A, 0B, 0C, 0D, 0H, 0w, 0g, 04, 00 quotes). Call under the gate.</summary>
    public string? Stock(int fid, Instrument i, DateTimeOffset now)
    {
        var b = i.BasePrice;
        switch (fid)
        {
            case 10: return P(i.Last, b);
            case 11: return S(i.Change);
            case 12: return R(i.ChangeRate);
            case 13: return i.Volume.ToString(Inv);
            case 14: return (i.TradeValue / 1_000_000).ToString(Inv);
            case 15: return S(i.LastTradeQuantity);
            case 16: return P(i.Open, b);
            case 17: return P(i.High, b);
            case 18: return P(i.Low, b);
            case 20: return KoreaTime.WallClock(i.LastTradeTime).ToString("HHmmss", Inv);
            case 21: return KoreaTime.WallClock(now).ToString("HHmmss", Inv);
            case 25: return i.SignCode.ToString();
            case 26: return S(i.Volume - i.PreviousVolume);
            case 27: return P(i.AskPrices[0], b);
            case 28: return P(i.BidPrices[0], b);
            case 29: return S((i.Volume - i.PreviousVolume) * i.Last);
            case 30: return R(i.PreviousVolume == 0 ? 0 : Math.Round(i.Volume * 100m / i.PreviousVolume, 2));
            case 31: return (i.ListedShares == 0 ? 0m : Math.Round(i.Volume * 100m / i.ListedShares, 2)).ToString("0.00", Inv);
            case 228: return (i.SellVolume == 0 ? 100m : Math.Round(i.BuyVolume * 100m / i.SellVolume, 2)).ToString("0.00", Inv);
            case 290: return "2";
            case 311: return i.MarketCapEok.ToString(Inv);
            case 567: return i.UpperLimitTime is { } u ? KoreaTime.WallClock(u).ToString("HHmmss", Inv) : "000000";
            case 568: return i.LowerLimitTime is { } l ? KoreaTime.WallClock(l).ToString("HHmmss", Inv) : "000000";
            case 620: return (i.Volume == 0 ? i.Last : i.TradeValue / i.Volume).ToString(Inv);
            case 1030: return i.SellVolume.ToString(Inv);
            case 1031: return i.BuyVolume.ToString(Inv);
            case 1032: return (i.Volume == 0 ? 0m : Math.Round(i.BuyVolume * 100m / i.Volume, 2)).ToString("0.00", Inv);
            case 1071: return i.SellCount.ToString(Inv);
            case 1072: return i.BuyCount.ToString(Inv);
            case 1313: return (Math.Abs(i.LastTradeQuantity) * i.Last).ToString(Inv);
            case 1890: return KoreaTime.WallClock(i.OpenTime).ToString("HHmmss", Inv);
            case 1891: return KoreaTime.WallClock(i.HighTime).ToString("HHmmss", Inv);
            case 1892: return KoreaTime.WallClock(i.LowTime).ToString("HHmmss", Inv);
            case 9081: return "1";
            case 121: return i.AskQuantities.Sum().ToString(Inv);
            case 125: return i.BidQuantities.Sum().ToString(Inv);
            // In a VI's single-price auction the expected fields carry the auction's crossing price and quantity.
            // Outside an auction Kiwoom sends the expected fields as zero, the sign as unchanged.
            case 23 or 291: return P(Auction.Expected(i, engine.Session).Price, b);
            case 24 or 292: return Auction.Expected(i, engine.Session).Quantity.ToString(Inv);
            case 200 or 294: return Auction.IsOn(i, engine.Session) ? S(Auction.Expected(i, engine.Session).Price - b) : "0";
            case 201 or 295: return R(b == 0 || !Auction.IsOn(i, engine.Session) ? 0 : Math.Round((Auction.Expected(i, engine.Session).Price - b) * 100m / b, 2));
            case 238 or 293: return Auction.IsOn(i, engine.Session) ? i.SignFor(Auction.Expected(i, engine.Session).Price).ToString() : "3";
            case 215: return SessionSchedule.OperationCode(engine.Session);
            case 202: return i.ProgramSellQuantity.ToString(Inv);
            case 204: return (i.ProgramSellValue / 1_000_000).ToString(Inv);
            case 206: return i.ProgramBuyQuantity.ToString(Inv);
            case 208: return (i.ProgramBuyValue / 1_000_000).ToString(Inv);
            case 210: return S(i.ProgramBuyQuantity - i.ProgramSellQuantity);
            case 212: return S((i.ProgramBuyValue - i.ProgramSellValue) / 1_000_000);
            case 211 or 213: return "0";
            case 297: return i.ActiveVi is { } vi ? (vi.Static ? "정적VI" : "동적VI") : "";
            case 305: return P(i.UpperLimit, b);
            case 306: return P(i.LowerLimit, b);
            case 307: return b.ToString(Inv);
            case 9001: return i.Code;
            case 302: return i.Name;
        }

        if (fid is >= 41 and <= 50)
        {
            return P(i.AskPrices[fid - 41], b);
        }

        if (fid is >= 51 and <= 60)
        {
            return P(i.BidPrices[fid - 51], b);
        }

        if (fid is >= 61 and <= 70)
        {
            return i.AskQuantities[fid - 61].ToString(Inv);
        }

        if (fid is >= 71 and <= 80)
        {
            return i.BidQuantities[fid - 71].ToString(Inv);
        }

        if (fid is >= 6044 and <= 6053)
        {
            return i.AskQuantities[fid - 6044].ToString(Inv);
        }

        if (fid is >= 6054 and <= 6063)
        {
            return i.BidQuantities[fid - 6054].ToString(Inv);
        }

        return fid switch
        {
            6064 => i.AskQuantities.Sum().ToString(Inv),
            6065 => i.BidQuantities.Sum().ToString(Inv),
            >= 81 and <= 100 or 122 or 126 or 128 or 138 => "0",
            _ => null,
        };
    }

    public string? Etf(int fid, Instrument i, DateTimeOffset now)
    {
        var nav = engine.EtfNav(i);
        var navBase = engine.EtfNavAt(i, static m => m.BasePrice);
        return fid switch
        {
            36 => (nav > navBase ? "+" : nav < navBase ? "-" : "") + nav.ToString("0.00", Inv),
            37 => (nav - navBase).ToString("+0.00;-0.00;0.00", Inv),
            38 => R(navBase == 0 ? 0 : Math.Round((nav - navBase) * 100 / navBase, 2)),
            39 => ((i.Target?.TrackingErrorBp ?? 0) / 100m).ToString("0.00", Inv),

            // The NAV follows its index by construction (the index is derived from the basket), so the NAV/index gap is nil.
            265 => R(0),
            266 => R(nav == 0 ? 0 : Math.Round((i.Last - nav) * 100 / nav, 2)),
            667 or 668 or 669 => "",
            _ => Stock(fid, i, now),
        };
    }

    public string? Elw(int fid, Instrument i, DateTimeOffset now)
    {
        var terms = i.Elw!;
        var underlying = engine.Universe.ByCode[terms.UnderlyingCode];
        var g = ElwPricing.Evaluate(terms, underlying.Last, DateOnly.FromDateTime(KoreaTime.WallClock(now)));
        var exercise = (double)underlying.Last;
        var parity = exercise / terms.Strike * 100;
        var gearing = i.Last == 0 ? 0 : exercise / (i.Last / (double)terms.ConversionRatio);
        var breakEven = terms.IsCall ? (terms.Strike + i.Last / (double)terms.ConversionRatio) / exercise * 100 - 100 : 100 - (terms.Strike - i.Last / (double)terms.ConversionRatio) / exercise * 100;
        return fid switch
        {
            670 => g.Price.ToString(Inv),
            671 or 706 => (g.Volatility * 100).ToString("0.00", Inv),
            672 => g.Delta.ToString("0.000000", Inv),
            673 => g.Gamma.ToString("0.000000", Inv),
            674 => g.Theta.ToString("0.000000", Inv),
            675 => g.Vega.ToString("0.000000", Inv),
            676 => g.Rho.ToString("0.000000", Inv),
            666 => parity.ToString("0.00", Inv),
            1211 => Math.Max(0, breakEven).ToString("0.00", Inv),
            667 => gearing.ToString("0.00", Inv),
            668 => breakEven.ToString("+0.00;-0.00;0.00", Inv),
            669 => breakEven.ToString("+0.00;-0.00;0.00", Inv),
            _ => Stock(fid, i, now),
        };
    }

    public string? SectorFid(int fid, Sector s, DateTimeOffset now)
    {
        var level = s.Level;
        var change = level - s.BaseLevel;
        var dir = change > 0 ? "+" : change < 0 ? "-" : "";
        return fid switch
        {
            20 => KoreaTime.WallClock(now).ToString("HHmmss", Inv),
            10 => dir + level.ToString("0.00", Inv),
            11 => change.ToString("+0.00;-0.00;0.00", Inv),
            12 => R(s.BaseLevel == 0 ? 0 : Math.Round(change * 100 / s.BaseLevel, 2)),
            15 => s.Members.Count == 0 ? "0" : Math.Abs(s.Members[0].LastTradeQuantity).ToString(Inv),
            13 => s.Members.Sum(m => m.Volume).ToString(Inv),
            14 => (s.Members.Sum(m => m.TradeValue) / 1_000_000).ToString(Inv),
            16 => Dir(s.OpenLevel, s.BaseLevel) + s.OpenLevel.ToString("0.00", Inv),
            17 => Dir(s.HighLevel, s.BaseLevel) + s.HighLevel.ToString("0.00", Inv),
            18 => Dir(s.LowLevel, s.BaseLevel) + s.LowLevel.ToString("0.00", Inv),
            25 => change > 0 ? "2" : change < 0 ? "5" : "3",
            26 => S(s.Members.Sum(m => m.Volume - m.PreviousVolume)),
            252 => s.Members.Count(m => m.Last > m.BasePrice && m.Last < m.UpperLimit).ToString(Inv),
            251 => s.Members.Count(m => m.Last >= m.UpperLimit).ToString(Inv),
            253 => s.Members.Count(m => m.Last == m.BasePrice).ToString(Inv),
            255 => s.Members.Count(m => m.Last < m.BasePrice && m.Last > m.LowerLimit).ToString(Inv),
            254 => s.Members.Count(m => m.Last <= m.LowerLimit).ToString(Inv),
            256 => s.Members.Count(m => m.Volume > 0).ToString(Inv),
            257 => (s.Members.Count == 0 ? 0m : Math.Round(s.Members.Count(m => m.Volume > 0) * 100m / s.Members.Count, 2)).ToString("0.00", Inv),
            _ => null,
        };
    }

    /// <summary>
    /// A 1h push. 1223 is when the trade that triggered the VI was processed and 1224 when the auction ends, the
    /// same in the trigger and the release push and equal to the auction print's time; 13/14 are the cumulative
    /// volume and value at the push, so the release push counts the auction print.
    /// </summary>
    public static string? Vi(int fid, Instrument i, ViEvent vi, bool released)
    {
        return fid switch
        {
            9001 => i.Code,
            302 => i.Name,
            13 => i.Volume.ToString(Inv),
            14 => (i.TradeValue / 1_000_000).ToString(Inv),
            9068 => released ? "2" : "1",
            9008 => i.Market == "KOSPI" ? "101" : "201",
            9075 => "1",
            1221 => vi.TriggerPrice.ToString(Inv),
            1223 => KoreaTime.WallClock(vi.TriggeredAt).ToString("HHmmss", Inv),
            1224 => KoreaTime.WallClock(vi.ReleasedAt ?? vi.ReleaseAt).ToString("HHmmss", Inv),
            1225 => vi.Static ? "정적" : "동적",
            1236 => vi.Static ? vi.ReferencePrice.ToString(Inv) : "0",
            1237 => vi.Static ? "0" : vi.ReferencePrice.ToString(Inv),
            1238 => vi.Static ? R(vi.DisparityRate) : "0.00",
            1239 => vi.Static ? "0.00" : R(vi.DisparityRate),
            1489 => R(vi.DisparityRate),
            1490 => vi.Count.ToString(Inv),
            9069 => vi.Upward ? "1" : "2",
            1279 => (vi.Upward ? "+" : "-") + (vi.Static ? "정적" : "동적"),
            _ => null,
        };
    }

    /// <summary>Direction-signed price: the sign says above (+) or below (-) the base; flat has none.</summary>
    public static string P(long price, long reference) => price == 0 ? "0" : Dir(price, reference) + price.ToString(Inv);

    public static string S(long value) => value > 0 ? "+" + value.ToString(Inv) : value.ToString(Inv);

    public static string R(decimal rate) => rate.ToString("+0.00;-0.00;0.00", Inv);

    private static string Dir<T>(T value, T reference) where T : IComparable<T> => value.CompareTo(reference) switch { > 0 => "+", < 0 => "-", _ => "" };
}
