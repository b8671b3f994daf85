using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Realtime;

/// <summary>
/// FID values of the types pushed once per simulated second rather than per event: 0E (after-hours book),
/// 0F (top-5 brokers), 0H (expected execution), 0A/0g (quote and stock info) and 0I (international gold).
/// </summary>
internal sealed class PeriodicFrames(MarketEngine engine, FrameBuilder frames)
{
    public string? Stock(string type, int fid, Instrument i, DateTimeOffset now)
    {
        if (type == "0F")
        {
            // Top-5 brokers: fixed member firms per listing, quantities from today's buy/sell volume.
            var brokers = engine.Universe.Brokers;
            var slot = fid switch
            {
                >= 141 and <= 145 => fid - 141,
                >= 146 and <= 150 => fid - 146,
                >= 151 and <= 155 => fid - 151,
                >= 156 and <= 160 => fid - 156,
                >= 161 and <= 165 => fid - 161,
                >= 171 and <= 175 => fid - 171,
                _ => -1,
            };
            var sell = fid is (>= 141 and <= 150) or (>= 161 and <= 170) or (>= 271 and <= 275);
            var broker = slot >= 0 ? brokers[(i.Salt + slot * 3 + (sell ? 1 : 0)) % brokers.Count] : null;
            var qty = (sell ? i.SellVolume : i.BuyVolume) / (slot + 2);
            return fid switch
            {
                (>= 141 and <= 145) or (>= 151 and <= 155) => broker!.Name,
                (>= 146 and <= 150) or (>= 156 and <= 160) => broker!.Code,
                (>= 161 and <= 165) or (>= 171 and <= 175) => qty.ToString(CultureInfo.InvariantCulture),
                (>= 166 and <= 170) or (>= 176 and <= 180) => "0",
                (>= 271 and <= 275) or (>= 281 and <= 285) => "0",
                261 or 263 => (i.ForeignNet > 0 ? i.ForeignNet : 0).ToString(CultureInfo.InvariantCulture),
                262 or 264 or 268 => "0",
                267 => FrameBuilder.S(i.ForeignNet),
                337 => "1",
                _ => null,
            };
        }

        if (type == "0E")
        {
            return fid switch
            {
                131 => i.AskQuantities.Sum().ToString(CultureInfo.InvariantCulture),
                135 => i.BidQuantities.Sum().ToString(CultureInfo.InvariantCulture),
                132 or 136 => "0",
                _ => frames.Stock(fid, i, now),
            };
        }

        return type switch
        {
            "0H" when fid == 20 => KoreaTime.WallClock(now).ToString("HHmmss", CultureInfo.InvariantCulture),
            _ => frames.Stock(fid, i, now),
        };
    }

    public string? Gold(int fid, string item)
    {
        // MGD: KRW per gram from the 1kg contract; MGU: USD per troy ounce with two implied decimals (PROTOCOL.md 7.11).
        var gold = engine.Universe.ByCode["M04020000"];
        var usdOunce = gold.Last * 31.1035m / 1_380m;
        var value = item == "MGU" ? (long)(usdOunce * 100) : gold.Last;
        var baseValue = item == "MGU" ? (long)(gold.BasePrice * 31.1035m / 1_380m * 100) : gold.BasePrice;
        return fid switch
        {
            10 => FrameBuilder.P(value, baseValue),
            25 => value > baseValue ? "2" : value < baseValue ? "5" : "3",
            11 => FrameBuilder.S(value - baseValue),
            12 => FrameBuilder.R(baseValue == 0 ? 0 : Math.Round((value - baseValue) * 100m / baseValue, 2)),
            _ => null,
        };
    }
}
