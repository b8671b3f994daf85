using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Realtime;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>The 00 (order) and 04 (balance) pushes of an account, with every FID of PROTOCOL.md 7.1 and 7.2.</summary>
internal sealed class AccountFrames(MarketEngine engine, RealtimeHub hub)
{
    public void Order(Account account, SimOrder order, Instrument i, string status, Fill? fill)
    {
        var inv = CultureInfo.InvariantCulture;
        var time = KoreaTime.WallClock(fill?.Time ?? engine.Clock.GetUtcNow()).ToString("HHmmss", inv);
        hub.PublishAccount(account, "00", i.Code, fid => fid switch
        {
            9201 => account.Number,
            9203 => order.Number,
            9205 => "",
            9001 => i.Code,
            912 => "JJ",
            913 => status,
            302 => i.Name,
            900 => order.Quantity.ToString(inv),
            901 => order.Price.ToString(inv),
            902 => order.Remaining.ToString(inv),
            903 => order.FilledAmount.ToString(inv),
            904 => order.OriginalNumber,
            905 => (order.Side == OrderSide.Buy ? "+" : "-") + order.KindText,
            906 => TradeTypes.NameOf(order.TradeType),
            907 => ((int)order.Side).ToString(inv),
            908 => time,
            909 => fill?.ExecutionNumber ?? "",
            910 => fill is null ? "" : fill.Price.ToString(inv),
            911 => fill is null ? "" : fill.Quantity.ToString(inv),
            10 => FrameBuilder.P(i.Last, i.BasePrice),
            27 => FrameBuilder.P(i.AskPrices[0], i.BasePrice),
            28 => FrameBuilder.P(i.BidPrices[0], i.BasePrice),
            914 => fill is null ? "" : fill.Price.ToString(inv),
            915 => fill is null ? "" : fill.Quantity.ToString(inv),
            938 => account.FeesToday.ToString(inv),
            939 => account.TaxesToday.ToString(inv),
            919 => "0",
            920 => "",
            921 => "",
            922 => order.Credit ? "03" : "00",
            923 => "00000000",
            10010 => "",
            2134 => "1",
            2135 => "KRX",
            2136 => "N",
            _ => null,
        });
    }

    public void Balance(Account account, Holding h, Instrument i)
    {
        var inv = CultureInfo.InvariantCulture;
        hub.PublishAccount(account, "04", i.Code, fid => fid switch
        {
            9201 => account.Number,
            9001 => i.Code,
            917 => "00",
            916 => "00000000",
            302 => i.Name,
            10 => FrameBuilder.P(i.Last, i.BasePrice),
            930 => h.Quantity.ToString(inv),
            931 => h.AveragePrice.ToString(inv),
            932 => h.PurchaseAmount.ToString(inv),
            933 => h.Sellable.ToString(inv),
            945 => (h.TodayBought - h.TodaySold).ToString(inv),
            946 => h.TodaySold > 0 && h.TodayBought == 0 ? "1" : "2",
            950 => h.RealizedPnl.ToString(inv),
            951 => "0",
            27 => FrameBuilder.P(i.AskPrices[0], i.BasePrice),
            28 => FrameBuilder.P(i.BidPrices[0], i.BasePrice),
            307 => i.BasePrice.ToString(inv),
            8019 => (h.PurchaseAmount == 0 ? 0m : Math.Round(h.RealizedPnl * 100m / Math.Max(1, h.PurchaseAmount), 2)).ToString("0.00", inv),
            957 or 958 or 959 or 924 or 992 => "0",
            918 => "00000000",
            990 => account.RealizedPnl.ToString(inv),
            991 => (account.InitialDeposit == 0 ? 0m : Math.Round(account.RealizedPnl * 100m / account.InitialDeposit, 2)).ToString("0.00", inv),
            993 => "0.00",
            _ => null,
        });
    }
}
