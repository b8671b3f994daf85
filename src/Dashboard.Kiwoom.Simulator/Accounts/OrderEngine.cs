using System.Globalization;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Realtime;
using Dashboard.Kiwoom.Simulator.Rest;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>
/// Matches orders against the simulated book with the semantics of each trde_tp (limit, market, conditional,
/// best, first, IOC, FOK, stop, mid-price, after-hours), rests the rest and fills resting orders as the tape
/// trades through them. <see cref="OrderValidator"/> checks an order first, <see cref="Ledger"/> books each fill
/// to the account, <see cref="AccountFrames"/> pushes 00 and 04. Everything runs under the market gate.
/// </summary>
public sealed class OrderEngine : IMarketObserver
{
    private readonly MarketEngine _engine;
    private readonly AccountFrames _frames;
    private readonly OrderValidator _validator;
    private readonly ILogger<OrderEngine> _logger;
    private readonly Dictionary<string, (Account Account, SimOrder Order)> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Account Account, SimOrder Order)>> _resting = new(StringComparer.Ordinal);
    private int _nextOrder;
    private int _nextExecution;

    // Our own fills print on the tape; the tape must not feed them back into the resting-order matcher.
    private bool _executing;

    public OrderEngine(MarketEngine engine, RealtimeHub hub, ILogger<OrderEngine> logger)
    {
        _engine = engine;
        _frames = new AccountFrames(engine, hub);
        _validator = new OrderValidator(engine);
        _logger = logger;
        engine.AddObserver(this);
    }

    public OrderResult Place(Account account, OrderRequest request) => _engine.Write(() =>
    {
        var i = _engine.Universe.Find(request.Code);
        if (i is null)
        {
            return Reject(SimError.UnknownStock(request.Code));
        }

        if (_validator.Validate(account, i, request) is { } rejection)
        {
            return Reject(rejection);
        }

        var now = _engine.Clock.GetUtcNow();
        var order = new SimOrder
        {
            Number = NextNumber(),
            Code = i.Code,
            Side = request.Side,
            KindText = request.Side == OrderSide.Buy ? "매수" : "매도",
            TradeType = request.TradeType,
            Quantity = request.Quantity,
            Price = request.Price,
            ConditionPrice = request.ConditionPrice,
            Time = now,
            Exchange = request.Exchange,
            Credit = request.Credit,
        };
        Register(account, order, i);
        _frames.Order(account, order, i, "접수", null);
        SimulatorLog.OrderEvent(_logger, order.Number, "accepted", Secrets.MaskAccount(account.Number));
        Guarded(() => Execute(account, order, i, now));
        return new OrderResult(order, null);
    });

    public OrderResult Modify(Account account, string originalNumber, string code, long quantity, long price) => _engine.Write(() =>
    {
        if (Find(account, originalNumber, code) is not { } original || !original.IsOpen)
        {
            return Reject(SimError.OrderRejected("RC4032", "원주문번호가 존재하지 않거나 정정/취소 가능한 수량이 없습니다"));
        }

        var i = _engine.Universe.ByCode[original.Code];
        if (quantity < 0)
        {
            return Reject(SimError.OrderRejected("RC4003", "정정수량을 확인하십시오"));
        }

        if (OrderValidator.PriceRejection(i, price) is { } priceError)
        {
            return Reject(priceError);
        }

        // mdfy_qty "0" modifies the entire remaining quantity (as cncl_qty "0" cancels it).
        var moved = quantity == 0 ? original.Remaining : Math.Min(quantity, original.Remaining);
        if (original.Side == OrderSide.Buy && (price - original.Price) * moved + Ledger.Commission(price * moved) > account.OrderableCash)
        {
            return Reject(OrderValidator.InsufficientCash(account, price));
        }

        var now = _engine.Clock.GetUtcNow();
        Release(account, original, moved);
        WithdrawFromClosingAuction(original, i, moved, now);
        original.Cancelled += moved;
        if (original.Remaining == 0)
        {
            original.Status = OrderStatus.Cancelled;
        }

        var replacement = new SimOrder
        {
            Number = NextNumber(),
            OriginalNumber = original.Number,
            Code = original.Code,
            Side = original.Side,
            KindText = original.Side == OrderSide.Buy ? "매수정정" : "매도정정",
            TradeType = original.TradeType is "3" or "13" or "23" ? "0" : original.TradeType,
            Quantity = moved,
            Price = price,
            Time = now,
            Exchange = original.Exchange,
            Credit = original.Credit,
        };
        Register(account, replacement, i);
        _frames.Order(account, replacement, i, "접수", null);
        _frames.Order(account, original, i, "확인", null);
        Guarded(() => Execute(account, replacement, i, now));
        return new OrderResult(replacement, null);
    });

    public OrderResult Cancel(Account account, string originalNumber, string code, long quantity) => _engine.Write(() =>
    {
        if (Find(account, originalNumber, code) is not { } original || !original.IsOpen)
        {
            return Reject(SimError.OrderRejected("RC4032", "원주문번호가 존재하지 않거나 정정/취소 가능한 수량이 없습니다"));
        }

        var i = _engine.Universe.ByCode[original.Code];
        var cancelled = quantity <= 0 ? original.Remaining : Math.Min(quantity, original.Remaining);
        Release(account, original, cancelled);
        WithdrawFromClosingAuction(original, i, cancelled, _engine.Clock.GetUtcNow());
        original.Cancelled += cancelled;
        if (original.Remaining == 0)
        {
            original.Status = OrderStatus.Cancelled;
        }

        var cancel = new SimOrder
        {
            Number = NextNumber(),
            OriginalNumber = original.Number,
            Code = original.Code,
            Side = original.Side,
            KindText = original.Side == OrderSide.Buy ? "매수취소" : "매도취소",
            TradeType = original.TradeType,
            Quantity = cancelled,
            Price = original.Price,
            Time = _engine.Clock.GetUtcNow(),
            Exchange = original.Exchange,
            Status = OrderStatus.Cancelled,
            Credit = original.Credit,
        };
        cancel.Cancelled = 0;
        account.Orders.Add(cancel);
        _byNumber[cancel.Number] = (account, cancel);
        _frames.Order(account, cancel, i, "확인", null);
        _frames.Order(account, original, i, original.Remaining == 0 ? "취소" : "확인", null);
        SimulatorLog.OrderEvent(_logger, original.Number, "cancelled", Secrets.MaskAccount(account.Number));
        return new OrderResult(cancel, null);
    });

    /// <summary>
    /// Prints a trade of up to <paramref name="quantity"/> shares at the price of every open resting order of
    /// <paramref name="code"/>, filling each as the tape would (00 체결 and 04 pushed): a fill on demand, so a test can make it
    /// happen at the exchange while a cancel or modify of the same order is in flight. Returns the shares filled.
    /// </summary>
    public long PrintToRestingOrders(string code, long quantity) => _engine.Write(() =>
    {
        if (quantity <= 0 || _engine.Universe.Find(code) is not { } i || !_resting.TryGetValue(i.Code, out var resting))
        {
            return 0L;
        }

        long filled = 0;
        var now = _engine.Clock.GetUtcNow();
        foreach (var (account, order) in resting.Where(r => r.Order.IsOpen && r.Order.Price > 0 && !IsStopDormant(r.Order, i)).ToArray())
        {
            var qty = Math.Min(quantity, order.Remaining);
            Guarded(() => ApplyFill(account, order, i, order.Price, qty, now));
            filled += qty;
        }

        return filled;
    });

    void IMarketObserver.OnTrade(Instrument instrument, Trade trade)
    {
        if (_executing || !_resting.TryGetValue(instrument.Code, out var resting) || resting.Count == 0)
        {
            return;
        }

        _executing = true;
        try
        {
            MatchResting(instrument, trade, resting);
        }
        finally
        {
            _executing = false;
        }
    }

    private void MatchResting(Instrument instrument, Trade trade, List<(Account Account, SimOrder Order)> resting)
    {
        resting.RemoveAll(r => !r.Order.IsOpen);

        // Copy: a fill changes order state while we walk the list.
        foreach (var (account, order) in resting.ToArray())
        {
            if (IsStopDormant(order, instrument))
            {
                continue;
            }

            // Market-type orders left waiting (VI, stops) take whatever the tape prints.
            var limit = order.Price > 0 ? order.Price : order.Side == OrderSide.Buy ? instrument.UpperLimit : instrument.LowerLimit;
            var crosses = order.Side == OrderSide.Buy ? trade.Price <= limit : trade.Price >= limit;
            if (crosses && !instrument.InVi && !instrument.Halted)
            {
                var qty = Math.Min(order.Remaining, Math.Max(1, Math.Abs(trade.Quantity)));
                var price = order.Price > 0 && !trade.SinglePrice ? order.Price : trade.Price;
                ApplyFill(account, order, instrument, price, qty, trade.Time);
            }
        }
    }

    void IMarketObserver.OnVi(Instrument instrument, ViEvent vi, bool released)
    {
        // Nothing to do here: the release prints the single-price trade, and OnTrade fills what it crosses.
    }

    void IMarketObserver.OnStep(DateTimeOffset now)
    {
        // Resting orders react to prints only (OnTrade), never to the passage of time.
    }

    void IMarketObserver.OnQuote(Instrument instrument, DateTimeOffset now)
    {
        // A quote is not a print: resting orders fill only against trades.
    }

    private static OrderResult Reject(SimError error) => new(null, error);

    private void Guarded(Action action)
    {
        _executing = true;
        try
        {
            action();
        }
        finally
        {
            _executing = false;
        }
    }

    private void Register(Account account, SimOrder order, Instrument i)
    {
        account.Orders.Add(order);
        _byNumber[order.Number] = (account, order);
        if (!_resting.TryGetValue(order.Code, out var list))
        {
            list = [];
            _resting[order.Code] = list;
        }

        list.Add((account, order));
        if (order.Side == OrderSide.Buy)
        {
            var price = order.Price > 0 ? order.Price : i.UpperLimit;
            order.ReservePerShare = price + Math.Max(1, Ledger.Commission(price * Math.Max(1, order.Quantity)) / Math.Max(1, order.Quantity) + 1);
        }
        else
        {
            account.Holdings[order.Code].ReservedForSale += order.Quantity;
        }
    }

    /// <summary>A cancelled or amended quantity leaves the closing auction's book, so the expected crossing no longer counts it.</summary>
    private void WithdrawFromClosingAuction(SimOrder order, Instrument i, long quantity, DateTimeOffset now)
    {
        if (order.InClosingAuction && _engine.Session == MarketSession.ClosingAuction)
        {
            var limit = order.Price > 0 ? order.Price : order.Side == OrderSide.Buy ? i.UpperLimit : i.LowerLimit;
            _engine.JoinClosingAuction(i, order.Side == OrderSide.Buy, limit, -quantity, now);
        }
    }

    private static void Release(Account account, SimOrder order, long quantity)
    {
        if (order.Side == OrderSide.Sell && account.Holdings.TryGetValue(order.Code, out var h))
        {
            h.ReservedForSale = Math.Max(0, h.ReservedForSale - quantity);
        }
    }

    private SimOrder? Find(Account account, string number, string code)
    {
        var normalized = number.Trim().TrimStart('0');
        foreach (var o in account.Orders)
        {
            if (o.Number.TrimStart('0') == normalized && (code.Length == 0 || _engine.Universe.Find(code)?.Code == o.Code))
            {
                return o;
            }
        }

        return null;
    }

    private static bool IsStopDormant(SimOrder order, Instrument i) =>
        TradeTypes.IsStop(order.TradeType) && (order.Side == OrderSide.Buy ? i.Last < order.ConditionPrice : i.Last > order.ConditionPrice);

    /// <summary>Matches a new order on arrival, then applies IOC/FOK/market remainder rules or rests it.</summary>
    private void Execute(Account account, SimOrder order, Instrument i, DateTimeOffset now)
    {
        if (i.InVi || IsStopDormant(order, i))
        {
            // During the VI single-price period, and for untriggered stops, orders wait in the book.
            return;
        }

        var type = order.TradeType;
        if (_engine.Session == MarketSession.ClosingAuction && !TradeTypes.IsAfterHoursClose(type))
        {
            // 15:20-15:30 an order joins the closing auction and waits for its crossing, which fills it through OnTrade.
            var auctionLimit = order.Price > 0 ? order.Price : order.Side == OrderSide.Buy ? i.UpperLimit : i.LowerLimit;
            _engine.JoinClosingAuction(i, order.Side == OrderSide.Buy, auctionLimit, order.Remaining, now);
            order.InClosingAuction = true;
            return;
        }

        if (TradeTypes.IsAfterHoursClose(type))
        {
            // 장전 시간외 (61) at yesterday's close, 장후 시간외 (81) at today's close (the closing auction's price).
            var price = type == "61" ? i.BasePrice : i.ClosePrice ?? i.Last;
            order.Price = price;
            ApplyFill(account, order, i, price, order.Remaining, now);
            return;
        }

        var limit = EffectiveLimit(order, i);
        if (TradeTypes.IsFirst(type) || TradeTypes.IsMid(type))
        {
            order.Price = limit;
        }

        var available = Available(order.Side, i, limit);
        if (TradeTypes.IsFok(type) && available < order.Remaining && !TradeTypes.IsMarket(type))
        {
            CancelRemainder(account, order, i, "FOK 미충족");
            return;
        }

        WalkBook(account, order, i, limit, now);
        if (order.Remaining == 0)
        {
            return;
        }

        if (TradeTypes.IsMarket(type))
        {
            if (TradeTypes.IsFok(type) || TradeTypes.IsIoc(type))
            {
                CancelRemainder(account, order, i, "잔량 취소");
                return;
            }

            // A market order sweeps past the visible ten levels up to the daily limit.
            var sweep = order.Side == OrderSide.Buy ? i.UpperLimit : i.LowerLimit;
            var deepest = order.Side == OrderSide.Buy ? i.AskPrices.Where(p => p > 0).DefaultIfEmpty(sweep).Max() : i.BidPrices.Where(p => p > 0).DefaultIfEmpty(sweep).Min();
            var price = order.Side == OrderSide.Buy ? Math.Min(sweep, TickSize.Up(i.Kind, deepest)) : Math.Max(sweep, TickSize.Down(i.Kind, deepest));
            ApplyFill(account, order, i, price, order.Remaining, now);
            return;
        }

        if (TradeTypes.IsIoc(type))
        {
            CancelRemainder(account, order, i, "IOC 잔량 취소");
            return;
        }

        if (TradeTypes.IsBest(type))
        {
            order.Price = limit;
        }
    }

    private static long EffectiveLimit(SimOrder order, Instrument i)
    {
        var type = order.TradeType;
        var buy = order.Side == OrderSide.Buy;
        if (TradeTypes.IsMarket(type))
        {
            return buy ? i.UpperLimit : i.LowerLimit;
        }

        if (TradeTypes.IsBest(type))
        {
            return buy ? First(i.AskPrices, i.UpperLimit) : First(i.BidPrices, i.LowerLimit);
        }

        if (TradeTypes.IsFirst(type))
        {
            return buy ? First(i.BidPrices, i.LowerLimit) : First(i.AskPrices, i.UpperLimit);
        }

        if (TradeTypes.IsMid(type))
        {
            var ask = First(i.AskPrices, i.UpperLimit);
            var bid = First(i.BidPrices, i.LowerLimit);
            var mid = (ask + bid) / 2;
            return buy ? TickSize.RoundDown(i.Kind, mid) : TickSize.RoundUp(i.Kind, mid);
        }

        return order.Price;
    }

    private static long First(long[] prices, long fallback) => prices[0] > 0 ? prices[0] : fallback;

    private static long Available(OrderSide side, Instrument i, long limit)
    {
        long total = 0;
        for (var k = 0; k < Instrument.BookDepth; k++)
        {
            var price = side == OrderSide.Buy ? i.AskPrices[k] : i.BidPrices[k];
            if (price == 0 || (side == OrderSide.Buy ? price > limit : price < limit))
            {
                break;
            }

            total += side == OrderSide.Buy ? i.AskQuantities[k] : i.BidQuantities[k];
        }

        return total;
    }

    private void WalkBook(Account account, SimOrder order, Instrument i, long limit, DateTimeOffset now)
    {
        var buy = order.Side == OrderSide.Buy;
        var prices = buy ? i.AskPrices : i.BidPrices;
        var quantities = buy ? i.AskQuantities : i.BidQuantities;

        // Levels are copied first: each fill prints on the tape, and printing rebuilds the book.
        var levels = Enumerable.Range(0, Instrument.BookDepth).Select(k => (Price: prices[k], Quantity: quantities[k])).ToArray();
        foreach (var (price, quantity) in levels)
        {
            if (order.Remaining == 0 || price == 0 || (buy ? price > limit : price < limit))
            {
                break;
            }

            var qty = Math.Min(order.Remaining, quantity);
            if (qty > 0)
            {
                ApplyFill(account, order, i, price, qty, now);
            }
        }
    }

    private void CancelRemainder(Account account, SimOrder order, Instrument i, string why)
    {
        var remaining = order.Remaining;
        Release(account, order, remaining);
        order.Cancelled += remaining;
        order.Status = order.Filled > 0 ? OrderStatus.Filled : OrderStatus.Cancelled;
        _frames.Order(account, order, i, "취소", null);
        SimulatorLog.OrderEvent(_logger, order.Number, why, Secrets.MaskAccount(account.Number));
    }

    private void ApplyFill(Account account, SimOrder order, Instrument i, long price, long qty, DateTimeOffset now)
    {
        var (fill, h) = Ledger.Book(account, order, i, price, qty, NextExecution(), now);

        // The fill is a real print: it moves the last price and the book like any other trade.
        _engine.Print(i, price, order.Side == OrderSide.Buy ? qty : -qty, now);
        _frames.Order(account, order, i, "체결", fill);
        _frames.Balance(account, h, i);
        SimulatorLog.OrderEvent(_logger, order.Number, order.Status == OrderStatus.Filled ? "filled" : "partially filled", Secrets.MaskAccount(account.Number));
    }

    private string NextNumber() => (++_nextOrder).ToString("D7", CultureInfo.InvariantCulture);

    private string NextExecution() => (++_nextExecution).ToString("D7", CultureInfo.InvariantCulture);
}
