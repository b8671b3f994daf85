using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Rest;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>The checks an order passes before it reaches the book, each with the rejection Kiwoom answers.</summary>
internal sealed class OrderValidator(MarketEngine engine)
{
    public SimError? Validate(Account account, Instrument i, OrderRequest r)
    {
        if (!TradeTypes.IsKnown(r.TradeType))
        {
            return SimError.OrderRejected("RC4005", "매매구분이 올바르지 않습니다");
        }

        if (r.Quantity <= 0)
        {
            return SimError.OrderRejected("RC4003", "주문수량을 확인하십시오");
        }

        if (i.Halted)
        {
            return SimError.OrderRejected("RC4060", "매매거래정지 종목입니다");
        }

        var session = engine.Session;
        if (session == MarketSession.Closed)
        {
            return SimError.OrderRejected("RC4058", "모의투자 장종료");
        }

        if (TradeTypes.NeedsPrice(r.TradeType))
        {
            if (r.Price <= 0)
            {
                return SimError.OrderRejected("308003", "주문단가를 입력하십시요");
            }

            if (PriceRejection(i, r.Price) is { } priceError)
            {
                return priceError;
            }
        }

        if (TradeTypes.IsStop(r.TradeType) && r.ConditionPrice <= 0)
        {
            return SimError.OrderRejected("RC4013", "스톱가격을 입력하십시오");
        }

        if (r.Side == OrderSide.Buy)
        {
            var price = ReservePrice(i, r);
            var needed = price * r.Quantity + Ledger.Commission(price * r.Quantity);
            if (needed > account.OrderableCash)
            {
                return InsufficientCash(account, price);
            }
        }
        else
        {
            var sellable = account.Holdings.TryGetValue(i.Code, out var h) ? h.Sellable : 0;
            if (sellable < r.Quantity)
            {
                return SimError.OrderRejected("800033", $"매도가능수량이 부족합니다. 매도가능수량={sellable}");
            }
        }

        return null;
    }

    public static SimError? PriceRejection(Instrument i, long price)
    {
        if (price > i.UpperLimit || price < i.LowerLimit)
        {
            return SimError.OrderRejected("RC4011", $"주문가격이 상하한가 범위를 벗어났습니다. 상한가={i.UpperLimit}, 하한가={i.LowerLimit}");
        }

        if (!TickSize.IsValid(i.Kind, price))
        {
            return SimError.OrderRejected("RC4010", $"주문가격이 호가단위에 맞지 않습니다. 호가단위={TickSize.For(i.Kind, price)}");
        }

        return null;
    }

    public static SimError InsufficientCash(Account account, long price)
    {
        var perShare = price + Math.Max(1, Ledger.Commission(price));
        var buyable = perShare <= 0 ? 0 : Math.Max(0, account.OrderableCash) / perShare;
        return SimError.OrderRejected("855056", $"매수증거금이 부족합니다. {buyable}주 매수가능");
    }

    /// <summary>The price a buy must be able to pay: its limit, or the upper limit for market-type orders.</summary>
    private static long ReservePrice(Instrument i, OrderRequest r) =>
        TradeTypes.NeedsPrice(r.TradeType) ? r.Price : i.UpperLimit;
}
