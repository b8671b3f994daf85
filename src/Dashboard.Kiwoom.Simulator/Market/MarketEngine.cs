using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// The living market: a seeded random walk on valid ticks inside the daily band, a 10-level book around the
/// last trade, static and dynamic VI with the two-minute single-price period, investor and program flows.
/// Steps run on a <see cref="TimeProvider"/> timer (or by hand in tests) under one gate so every reader
/// sees a consistent moment.
/// </summary>
public sealed class MarketEngine : IDisposable
{
    private static readonly TimeSpan ViDuration = TimeSpan.FromMinutes(2);
    private readonly SimulatorOptions _options;
    private readonly Random _rng;
    private readonly List<IMarketObserver> _observers = [];
    private readonly List<ViEvent> _viLog = [];
    private readonly List<Instrument> _auctions = [];
    private readonly ClosingAuctionBook _closing = new();
    private readonly double[] _weights;
    private readonly double _totalWeight;
    private ITimer? _timer;
    private DateOnly _tradingDay;
    private long _tradeCount;
    private Instrument[]? _fixedListings;
    private double[]? _fixedCredit;

    public MarketEngine(MarketUniverse universe, IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        Universe = universe;
        _options = options.Value;
        Clock = clock;
        Schedule = new SessionSchedule(_options.KrxCalendar);
        _rng = new Random(_options.Seed ^ 0x5EED);
        _tradingDay = KoreaTime.Today(clock);

        // Big names trade far more often than small caps, as on the real tape.
        _weights = universe.All.Select(i => i.Kind switch
        {
            InstrumentKind.Stock => Math.Sqrt(Math.Max(1, i.MarketCapEok)),
            InstrumentKind.Etf => 40.0,
            _ => 10.0,
        }).ToArray();
        _totalWeight = _weights.Sum();
        var now = clock.GetUtcNow();
        foreach (var i in universe.All)
        {
            InitializeDay(i, now);
        }
    }

    public MarketUniverse Universe { get; }

    public TimeProvider Clock { get; }

    public SessionSchedule Schedule { get; }

    // Requests render in parallel under the read lock; trading steps and orders take the write lock.
    // Recursion is allowed because an order (write) prints trades (write) and an account TR (read) composes (read).
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);

    public bool Paused { get; set; }

    /// <summary>Multiplies trades per step (control surface "speed up").</summary>
    public double Speed { get; set; } = 1.0;

    public long StepCount { get; private set; }

    /// <summary>Trades printed since start (model and order fills), read without the gate by the benchmark.</summary>
    public long TradeCount => Interlocked.Read(ref _tradeCount);

    public MarketSession Session => Schedule.At(KoreaTime.Now(Clock));

    public void AddObserver(IMarketObserver observer) => Write(() => _observers.Add(observer));

    /// <summary>Runs a reader over one consistent moment of the market.</summary>
    public T Read<T>(Func<MarketUniverse, T> read)
    {
        _gate.EnterReadLock();
        try
        {
            return read(Universe);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Runs a writer exclusively (steps, orders, control actions).</summary>
    public T Write<T>(Func<T> write)
    {
        _gate.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    public void Write(Action write) => Write(() =>
    {
        write();
        return 0;
    });

    public IReadOnlyList<ViEvent> ViLog() => Read(_ => _viLog.ToArray());

    public void Start()
    {
        _timer ??= Clock.CreateTimer(_ => StepFromTimer(), null, _options.StepInterval, _options.StepInterval);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Executes one step: releases due VIs and runs the configured number of trades.</summary>
    public void Step()
    {
        if (_options.FixedTicksPerSecond > 0)
        {
            StepFixedRate();
        }
        else
        {
            Step((int)Math.Round(_options.TradesPerStep * Speed));
        }
    }

    /// <summary>
    /// One step of the fixed-rate mode: every configured listing gets its share of trades for one step
    /// interval (fractions carried over), in a fixed order, with no VI triggered by the walk. Listings start
    /// at evenly spaced fractions of a trade, so at rates below one trade per step they trade in different
    /// steps: with equal starting credit all 40 of a bench page's stocks traded in the same step, twice a
    /// second, and every page watching them received and rendered the whole burst at once.
    /// </summary>
    public void StepFixedRate() => Write(() =>
    {
        _fixedListings ??= [.. _options.FixedTickCodes.Select(Require)];
        _fixedCredit ??= [.. Enumerable.Range(0, _fixedListings.Length).Select(k => (double)k / _fixedListings.Length)];
        var perStep = _options.FixedTicksPerSecond * _options.StepInterval.TotalSeconds;
        var now = Clock.GetUtcNow();
        RollDayIfNeeded(now);
        ReleaseDueVis(now);
        for (var k = 0; k < _fixedListings.Length; k++)
        {
            _fixedCredit[k] += perStep;
            for (; _fixedCredit[k] >= 1; _fixedCredit[k]--)
            {
                TradeOnce(_fixedListings[k], now, allowVi: false);
            }
        }

        StepCount++;
        foreach (var o in _observers)
        {
            o.OnStep(now);
        }
    });

    public void Step(int trades) => Write(() =>
    {
        var now = Clock.GetUtcNow();
        var session = Schedule.At(KoreaTime.WallClock(now));
        if (_closing.Open && session != MarketSession.ClosingAuction)
        {
            // Before a day roll: the auction crosses on its own day even when the clock jumped past it.
            CrossClosingAuction();
        }

        RollDayIfNeeded(now);
        ReleaseDueVis(now);
        if (session == MarketSession.ClosingAuction)
        {
            RunClosingAuction(trades, now);
            RunAuctions(now);
        }
        else if (session is MarketSession.Continuous or MarketSession.AfterHoursSinglePrice)
        {
            for (var n = 0; n < trades; n++)
            {
                TradeOnce(PickInstrument(), now, allowVi: _options.SpontaneousVi);
            }

            RunAuctions(now);
        }

        StepCount++;
        foreach (var o in _observers)
        {
            o.OnStep(now);
        }
    });

    /// <summary>Stops trading in one listing until resumed (control surface).</summary>
    public void SetHalted(string code, bool halted) => Write(() => Require(code).Halted = halted);

    /// <summary>Forces a VI on a listing as if its price had jumped (control surface and tests).</summary>
    public ViEvent TriggerVi(string code, bool upward, bool isStatic = true) => Write(() =>
    {
        var i = Require(code);
        var now = Clock.GetUtcNow();
        var reference = isStatic ? i.StaticReference : i.Last;
        var jump = TickSize.RoundDown(i.Kind, reference * (upward ? 110 : 90) / 100);
        return StartVi(i, Math.Clamp(jump, i.LowerLimit, i.UpperLimit), isStatic, upward, now);
    });

    /// <summary>
    /// An order joins the closing single-price auction instead of matching (the order engine's orders between 15:20 and
    /// 15:30): the expected price and quantity and the book move with it; the crossing at 15:30 prints it.
    /// </summary>
    internal void JoinClosingAuction(Instrument i, bool buy, long price, long quantity, DateTimeOffset now) => Write(() =>
    {
        BeginClosingAuction(now);
        var (expectedPrice, expectedQuantity) = _closing.Add(i, buy, price, quantity);
        if (i.InVi)
        {
            return;
        }

        i.ExpectedPrice = expectedQuantity > 0 ? expectedPrice : i.Last;
        i.ExpectedQuantity = expectedQuantity;
        BuildAuctionBook(i);
        Notify(i, now);
    });

    /// <summary>Executes a trade at a given price and quantity (the order engine's fills go on the tape).</summary>
    internal void Print(Instrument i, long price, long signedQuantity, DateTimeOffset now) => Write(() => Execute(i, price, signedQuantity, now));

    private Instrument Require(string code) =>
        Universe.Find(code) ?? throw new ArgumentException($"Unknown code {code}.", nameof(code));

    private void StepFromTimer()
    {
        if (!Paused)
        {
            Step();
        }
    }

    private Instrument PickInstrument()
    {
        var r = _rng.NextDouble() * _totalWeight;
        for (var k = 0; k < _weights.Length; k++)
        {
            r -= _weights[k];
            if (r <= 0)
            {
                return Universe.All[k];
            }
        }

        return Universe.All[^1];
    }

    private void TradeOnce(Instrument i, DateTimeOffset now, bool allowVi = true)
    {
        if (i.Halted || i.InVi)
        {
            return;
        }

        var price = i.Kind switch
        {
            InstrumentKind.Etf => NextEtfPrice(i),
            InstrumentKind.Elw => NextElwPrice(i, now),
            _ => NextWalkPrice(i),
        };
        price = Math.Clamp(price, i.LowerLimit, i.UpperLimit);
        if (!allowVi)
        {
            price = HoldInsideViBands(i, price);
        }
        else if (i.Kind == InstrumentKind.Stock && CheckVi(i, price, now))
        {
            return;
        }

        var buyerInitiated = price > i.Last || (price == i.Last && _rng.Next(2) == 0);
        var size = Math.Max(1, (long)(Math.Exp(_rng.NextDouble() * 6) * Math.Max(1, 20_000 / Math.Max(1, price)) / 4) + _rng.Next(1, 20));
        Execute(i, price, buyerInitiated ? size : -size, now);

        // Between prints the book keeps changing (orders added, cancelled, amended): one to three quote
        // updates per trade, as a live 0D feed runs several times faster than the 0B feed.
        for (var k = _rng.Next(1, 4); k > 0; k--)
        {
            Requote(i);
            Notify(i, now);
        }
    }

    /// <summary>
    /// Fixed-rate mode and spontaneous VIs off: a move of 1% or more becomes one tick (inside every dynamic band), and a
    /// stock that would reach the static band from its reference stays at its last price, so no VI ever starts.
    /// </summary>
    private static long HoldInsideViBands(Instrument i, long price)
    {
        if (Math.Abs(price - i.Last) * 100 >= i.Last)
        {
            price = Math.Clamp(price > i.Last ? TickSize.Up(i.Kind, i.Last) : TickSize.Down(i.Kind, i.Last), i.LowerLimit, i.UpperLimit);
        }

        var reachesStaticBand = i.Kind == InstrumentKind.Stock && Math.Abs(price - i.StaticReference) * 100m / i.StaticReference >= ViRule.StaticPercent;
        return reachesStaticBand ? i.Last : price;
    }

    /// <summary>Orders arrive and leave at a few levels without touching the best prices.</summary>
    private void Requote(Instrument i)
    {
        var baseQty = Math.Max(10, 5_000_000 / Math.Max(1, i.Last));
        for (var k = _rng.Next(1, 4); k > 0; k--)
        {
            var level = _rng.Next(Instrument.BookDepth);
            var quantities = _rng.Next(2) == 0 ? i.AskQuantities : i.BidQuantities;
            if (quantities[level] > 0)
            {
                quantities[level] = Math.Max(1, quantities[level] + baseQty * _rng.Next(-3, 4) / 4);
            }
        }
    }

    private void Notify(Instrument i, DateTimeOffset now)
    {
        foreach (var o in _observers)
        {
            o.OnQuote(i, now);
        }
    }

    /// <summary>
    /// The single-price auctions of listings in VI: trading pauses, but orders keep arriving, so the book and the
    /// expected price and quantity move a few times a second until the auction prints at release.
    /// </summary>
    private void RunAuctions(DateTimeOffset now)
    {
        foreach (var i in _auctions)
        {
            if (_rng.Next(2) == 0)
            {
                continue;
            }

            var move = _rng.Next(10) switch
            {
                0 => 1,
                1 => -1,
                _ => 0,
            };
            var price = move > 0 ? TickSize.Up(i.Kind, i.ExpectedPrice) : move < 0 ? TickSize.Down(i.Kind, i.ExpectedPrice) : i.ExpectedPrice;
            i.ExpectedPrice = Math.Clamp(price, i.LowerLimit, i.UpperLimit);
            i.ExpectedQuantity += Math.Max(1, 2_000_000 / Math.Max(1, i.ExpectedPrice)) * _rng.Next(1, 10) / 4 + 1;
            BuildAuctionBook(i);
            Notify(i, now);
        }
    }

    /// <summary>
    /// 15:20-15:30: orders arrive (a few ticks either side of the last price, market orders among them) and wait; nothing
    /// trades until the crossing.
    /// </summary>
    private void RunClosingAuction(int orders, DateTimeOffset now)
    {
        BeginClosingAuction(now);
        for (var n = 0; n < orders; n++)
        {
            var i = PickInstrument();
            if (i.Halted || i.InVi)
            {
                continue;
            }

            var buy = _rng.Next(2) == 0;
            var ticks = _rng.Next(-3, 4);
            var price = i.Last;
            for (var s = 0; s < Math.Abs(ticks); s++)
            {
                price = ticks > 0 ? TickSize.Up(i.Kind, price) : TickSize.Down(i.Kind, price);
            }

            // One order in ten is a market order: a limit at the daily band, so it takes whatever the crossing is.
            price = _rng.Next(10) == 0 ? (buy ? i.UpperLimit : i.LowerLimit) : Math.Clamp(price, i.LowerLimit, i.UpperLimit);
            var size = Math.Max(1, (long)(Math.Exp(_rng.NextDouble() * 6) * Math.Max(1, 20_000 / Math.Max(1, price)) / 4) + _rng.Next(1, 20));
            JoinClosingAuction(i, buy, price, size, now);
        }
    }

    private void BeginClosingAuction(DateTimeOffset now)
    {
        if (_closing.Open)
        {
            return;
        }

        // 15:30 of the auction's own day, Korea time: the crossing's print carries it.
        var kst = KoreaTime.WallClock(now);
        _closing.Begin(new DateTimeOffset(kst.Year, kst.Month, kst.Day, 15, 30, 0, KoreaTime.Offset));
        foreach (var i in Universe.All.Where(i => !i.InVi))
        {
            i.ExpectedPrice = i.Last;
            i.ExpectedQuantity = 0;
        }
    }

    /// <summary>15:30: each listing prints once at the price that executes the most, which is the day's close.</summary>
    private void CrossClosingAuction()
    {
        var at = _closing.CrossesAt;
        foreach (var (i, price, quantity) in _closing.Cross())
        {
            if (quantity > 0 && !i.InVi && !i.Halted)
            {
                Execute(i, price, price >= i.Last ? quantity : -quantity, at, singlePrice: true);
            }
        }

        foreach (var i in Universe.All)
        {
            if (!i.InVi)
            {
                i.ExpectedPrice = i.ExpectedQuantity = 0;
                if (i.LastTradeTime != at)
                {
                    RebuildBook(i, buyerInitiated: false);
                }
            }

            i.ClosePrice = i.Last;
        }
    }

    /// <summary>An auction book crosses at the expected price: asks from it upwards, bids from it downwards.</summary>
    private void BuildAuctionBook(Instrument i)
    {
        var baseQty = Math.Max(10, 5_000_000 / Math.Max(1, i.ExpectedPrice));
        var ask = i.ExpectedPrice;
        var bid = i.ExpectedPrice;
        for (var level = 0; level < Instrument.BookDepth; level++)
        {
            var askValid = ask <= i.UpperLimit;
            i.AskPrices[level] = askValid ? ask : 0;
            i.AskQuantities[level] = askValid ? baseQty * _rng.Next(1, 30) / 4 + 1 : 0;
            var bidValid = bid >= i.LowerLimit && bid > 0;
            i.BidPrices[level] = bidValid ? bid : 0;
            i.BidQuantities[level] = bidValid ? baseQty * _rng.Next(1, 30) / 4 + 1 : 0;
            ask = TickSize.Up(i.Kind, ask);
            bid = bid > TickSize.For(i.Kind, 1) ? TickSize.Down(i.Kind, bid) : 0;
        }

        // At the crossing price both sides meet the expected quantity.
        i.AskQuantities[0] = Math.Max(i.AskQuantities[0], i.ExpectedQuantity);
        i.BidQuantities[0] = Math.Max(i.BidQuantities[0], i.ExpectedQuantity);
    }

    private long NextWalkPrice(Instrument i)
    {
        var roll = _rng.NextDouble();
        var steps = roll switch
        {
            < 0.40 => 0,
            < 0.68 => 1,
            < 0.96 => -1,
            < 0.985 => _rng.Next(2, 5) * (_rng.Next(2) == 0 ? 1 : -1),
            _ => 0,
        };

        // Pull toward the base so a long-running demo stays inside the band instead of pinning to a limit.
        if (steps != 0 && Math.Abs(i.ChangeRate) > 12 && _rng.Next(3) == 0)
        {
            steps = i.Last > i.BasePrice ? -Math.Abs(steps) : Math.Abs(steps);
        }

        var price = i.Last;
        for (var s = 0; s < Math.Abs(steps); s++)
        {
            price = steps > 0 ? TickSize.Up(i.Kind, price) : TickSize.Down(i.Kind, price);
        }

        // A rare jump of several percent: the kind of move that trips a dynamic VI.
        if (roll >= 0.9995)
        {
            price = TickSize.RoundDown(i.Kind, i.Last * (_rng.Next(2) == 0 ? 107 : 93) / 100);
        }

        return price;
    }

    private long NextEtfPrice(Instrument i)
    {
        var nav = (long)Math.Round(BasketNav(i));
        var offset = _rng.Next(-2, 3) * TickSize.For(i.Kind, nav);
        return TickSize.RoundDown(i.Kind, nav + offset);
    }

    private long NextElwPrice(Instrument i, DateTimeOffset now)
    {
        var terms = i.Elw!;
        var underlying = Universe.ByCode[terms.UnderlyingCode];
        var theo = ElwPricing.Evaluate(terms, underlying.Last, DateOnly.FromDateTime(KoreaTime.WallClock(now))).Price;
        return Math.Max(5, TickSize.RoundDown(i.Kind, theo + _rng.Next(-1, 2) * 5));
    }

    /// <summary>
    /// The NAV of <paramref name="etf"/> now, the one every TR and push reports (ka40003's row for today, ka40004, ka40006,
    /// ka40009's latest row, 0G): the NAV published with the fund's last print, as 0G carries it with the trade, or before
    /// its first print the basket's live value. The basket keeps moving between the fund's prints; reading it live in some
    /// answers and at the print in others gave one fund two NAVs at the same moment.
    /// </summary>
    public decimal EtfNav(Instrument etf) =>
        etf.Trades.Count > 0 && etf.Trades.FromNewest(0) is { Nav: > 0 } last ? last.Nav : BasketNav(etf);

    /// <summary>NAV per share from the basket's live prices: what the fund's next print is priced from and publishes.</summary>
    public decimal BasketNav(Instrument etf) => EtfNavAt(etf, static m => m.Last);

    /// <summary>NAV per share with each constituent at <paramref name="price"/> (the previous close gives yesterday's NAV).</summary>
    public decimal EtfNavAt(Instrument etf, Func<Instrument, long> price)
    {
        if (etf.Basket.Count == 0)
        {
            return price(etf);
        }

        decimal value = 0;
        foreach (var m in etf.Basket)
        {
            value += price(Universe.ByCode[m.Code]) * (decimal)m.Shares;
        }

        return Math.Round(value / etf.CreationUnits, 2);
    }

    /// <summary>The level of the ETF's tracked index that its NAV follows: the basket's move divided by the fund's multiple.</summary>
    public decimal EtfIndexLevel(Instrument etf, decimal nav)
    {
        if (etf.Target is not { } target)
        {
            return 0;
        }

        var baseNav = EtfNavAt(etf, static m => m.BasePrice);
        var navReturn = baseNav == 0 ? 0 : nav / baseNav - 1;
        return Math.Round(target.BaseLevel * (1 + navReturn / target.Multiple), 2);
    }

    /// <summary>The dynamic VI band (%) a stock trades under at <paramref name="now"/>: by KOSPI200 membership and session.</summary>
    public decimal DynamicViPercent(Instrument i, DateTimeOffset now) =>
        ViRule.DynamicPercent(Universe.Kospi200.Contains(i.Code), Schedule.At(KoreaTime.WallClock(now)));

    private bool CheckVi(Instrument i, long price, DateTimeOffset now)
    {
        var staticDeviation = Math.Abs(price - i.StaticReference) * 100m / i.StaticReference;
        var dynamicLimit = DynamicViPercent(i, now);
        var dynamicDeviation = Math.Abs(price - i.Last) * 100m / i.Last;
        if (staticDeviation >= ViRule.StaticPercent)
        {
            StartVi(i, price, isStatic: true, upward: price > i.StaticReference, now);
            return true;
        }

        if (dynamicDeviation >= dynamicLimit)
        {
            StartVi(i, price, isStatic: false, upward: price > i.Last, now);
            return true;
        }

        return false;
    }

    private ViEvent StartVi(Instrument i, long triggerPrice, bool isStatic, bool upward, DateTimeOffset now)
    {
        i.ViCount++;

        // KRX randomizes the end of the single-price period by up to 30 seconds.
        var releaseAt = now + ViDuration + TimeSpan.FromSeconds(_rng.Next(0, 31));
        var vi = new ViEvent(i.Code, isStatic, upward, triggerPrice, isStatic ? i.StaticReference : i.Last, now, releaseAt, i.ViCount, i.Volume, i.TradeValue);
        i.ViUntil = releaseAt;
        i.ActiveVi = vi;
        i.ExpectedPrice = triggerPrice;
        i.ExpectedQuantity = 0;
        BuildAuctionBook(i);
        _auctions.Add(i);
        _viLog.Add(vi);
        foreach (var o in _observers)
        {
            o.OnVi(i, vi, released: false);
        }

        return vi;
    }

    private void ReleaseDueVis(DateTimeOffset now)
    {
        foreach (var i in Universe.Stocks)
        {
            if (i.ViUntil is { } until && until <= now && i.ActiveVi is { } vi)
            {
                i.ViUntil = null;
                i.ActiveVi = null;
                _auctions.Remove(i);

                // The auction ends at its scheduled moment even when this step runs a little later: its print, the
                // release push and ka10054 all carry that time.
                var released = vi with { ReleasedAt = until };
                _viLog[_viLog.LastIndexOf(vi)] = released;

                // The single-price auction prints its expected price and quantity, which becomes the new static reference.
                var price = i.ExpectedPrice;
                var quantity = Math.Max(1, i.ExpectedQuantity);
                i.ExpectedPrice = i.ExpectedQuantity = 0;
                Execute(i, price, vi.Upward ? quantity : -quantity, until, singlePrice: true);
                i.StaticReference = price;
                foreach (var o in _observers)
                {
                    o.OnVi(i, released, released: true);
                }
            }
        }
    }

    private void Execute(Instrument i, long price, long signedQuantity, DateTimeOffset now, bool singlePrice = false)
    {
        var qty = Math.Abs(signedQuantity);
        i.Last = price;
        if (price > i.High)
        {
            i.High = price;
            i.HighTime = now;
        }

        if (price < i.Low)
        {
            i.Low = price;
            i.LowTime = now;
        }

        if (price >= i.UpperLimit)
        {
            i.UpperLimitTime ??= now;
        }

        if (price <= i.LowerLimit)
        {
            i.LowerLimitTime ??= now;
        }

        i.Volume += qty;
        i.TradeValue += price * qty;
        i.LastTradeQuantity = signedQuantity;
        i.LastTradeTime = now;
        if (signedQuantity > 0)
        {
            i.BuyVolume += qty;
            i.BuyCount++;
        }
        else
        {
            i.SellVolume += qty;
            i.SellCount++;
            if (_rng.Next(20) == 0)
            {
                i.ShortSellVolume += qty;
            }
        }

        SplitFlows(i, signedQuantity, price);
        RebuildBook(i, signedQuantity > 0);
        Interlocked.Increment(ref _tradeCount);
        var trade = new Trade(now, price, signedQuantity, i.Volume, i.Kind == InstrumentKind.Etf ? BasketNav(i) : 0, singlePrice);
        i.Trades.Add(trade);
        var kst = KoreaTime.WallClock(now);
        i.Minutes.Record(new DateTime(kst.Year, kst.Month, kst.Day, kst.Hour, kst.Minute, 0, DateTimeKind.Unspecified), price, qty);
        foreach (var o in _observers)
        {
            o.OnTrade(i, trade);
        }
    }

    private void SplitFlows(Instrument i, long signedQuantity, long price)
    {
        var share = _rng.Next(3);
        switch (share)
        {
            case 0: i.IndividualNet += signedQuantity; break;
            case 1: i.ForeignNet += signedQuantity; break;
            default: i.InstitutionNet += signedQuantity; break;
        }

        if (_rng.Next(5) == 0)
        {
            var qty = Math.Abs(signedQuantity);
            if (signedQuantity > 0)
            {
                i.ProgramBuyQuantity += qty;
                i.ProgramBuyValue += qty * price;
            }
            else
            {
                i.ProgramSellQuantity += qty;
                i.ProgramSellValue += qty * price;
            }
        }
    }

    private void RebuildBook(Instrument i, bool buyerInitiated)
    {
        // The aggressor consumed the opposite best level, so the trade price sits on the side it hit.
        var bestAsk = buyerInitiated ? i.Last : TickSize.Up(i.Kind, i.Last);
        var bestBid = buyerInitiated ? TickSize.Down(i.Kind, i.Last) : i.Last;
        var ask = bestAsk;
        var bid = bestBid;
        var baseQty = Math.Max(10, 5_000_000 / Math.Max(1, i.Last));
        for (var level = 0; level < Instrument.BookDepth; level++)
        {
            var askValid = ask <= i.UpperLimit;
            i.AskPrices[level] = askValid ? ask : 0;
            i.AskQuantities[level] = askValid ? baseQty * _rng.Next(1, 30) / 4 + 1 : 0;
            var bidValid = bid >= i.LowerLimit && bid > 0;
            i.BidPrices[level] = bidValid ? bid : 0;
            i.BidQuantities[level] = bidValid ? baseQty * _rng.Next(1, 30) / 4 + 1 : 0;
            ask = TickSize.Up(i.Kind, ask);
            bid = bid > TickSize.For(i.Kind, 1) ? TickSize.Down(i.Kind, bid) : 0;
        }
    }

    private void InitializeDay(Instrument i, DateTimeOffset now)
    {
        i.Open = i.High = i.Low = i.Last = i.BasePrice;
        i.StaticReference = i.BasePrice;
        i.OpenTime = i.HighTime = i.LowTime = i.LastTradeTime = now;
        i.Volume = i.TradeValue = i.BuyVolume = i.SellVolume = 0;
        i.BuyCount = i.SellCount = 0;
        i.IndividualNet = i.ForeignNet = i.InstitutionNet = 0;
        i.ProgramBuyQuantity = i.ProgramSellQuantity = i.ProgramBuyValue = i.ProgramSellValue = 0;
        i.ShortSellVolume = 0;
        i.ViCount = 0;
        i.UpperLimitTime = i.LowerLimitTime = null;
        RebuildBook(i, buyerInitiated: false);
    }

    private void RollDayIfNeeded(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(KoreaTime.WallClock(now));
        if (today == _tradingDay)
        {
            return;
        }

        _tradingDay = today;
        _viLog.Clear();
        _auctions.Clear();
        foreach (var i in Universe.All)
        {
            i.PreviousVolume = Math.Max(1, i.Volume);
            // The closing auction's price when it ran (after-hours prints do not move the next day's reference).
            i.BasePrice = i.ClosePrice ?? i.Last;
            i.ClosePrice = null;
            i.ViUntil = null;
            i.ActiveVi = null;
            i.ExpectedPrice = i.ExpectedQuantity = 0;
            InitializeDay(i, now);
        }
    }
}
