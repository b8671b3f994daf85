namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// One listing and its live state. Mutated only by <see cref="MarketEngine"/> under its gate;
/// readers take the same gate (see <see cref="MarketEngine.Read{T}"/>) so every TR sees one moment.
/// </summary>
public sealed class Instrument
{
    public const int BookDepth = 10;

    internal Instrument(string code, string name, InstrumentKind kind, string market, string sectorCode, long basePrice, long listedShares)
    {
        Code = code;
        Name = name;
        Kind = kind;
        Market = market;
        SectorCode = sectorCode;
        BasePrice = basePrice;
        ListedShares = listedShares;
        Open = High = Low = Last = basePrice;
        StaticReference = basePrice;
    }

    public string Code { get; }

    public string Name { get; }

    public InstrumentKind Kind { get; }

    /// <summary>"KOSPI" or "KOSDAQ" (gold trades on KRX's gold market, reported as "KOSPI").</summary>
    public string Market { get; }

    public string SectorCode { get; }

    public long ListedShares { get; }

    public long ParValue { get; internal set; } = 100;

    /// <summary>Previous close: the reference for direction signs, change and the ±30% band.</summary>
    public long BasePrice { get; internal set; }

    /// <summary>Today's close once the closing auction has crossed (calendar mode); null before it and in continuous mode.</summary>
    public long? ClosePrice { get; internal set; }

    public long Open { get; internal set; }

    public long High { get; internal set; }

    public long Low { get; internal set; }

    public long Last { get; internal set; }

    public long Volume { get; internal set; }

    /// <summary>Cumulative traded value in KRW.</summary>
    public long TradeValue { get; internal set; }

    public long PreviousVolume { get; internal set; }

    /// <summary>Quantity of the latest trade: positive when the buyer lifted the ask, negative when the seller hit the bid.</summary>
    public long LastTradeQuantity { get; internal set; }

    public DateTimeOffset LastTradeTime { get; internal set; }

    public DateTimeOffset OpenTime { get; internal set; }

    public DateTimeOffset HighTime { get; internal set; }

    public DateTimeOffset LowTime { get; internal set; }

    public long BuyVolume { get; internal set; }

    public long SellVolume { get; internal set; }

    public int BuyCount { get; internal set; }

    public int SellCount { get; internal set; }

    public long[] AskPrices { get; } = new long[BookDepth];

    public long[] AskQuantities { get; } = new long[BookDepth];

    public long[] BidPrices { get; } = new long[BookDepth];

    public long[] BidQuantities { get; } = new long[BookDepth];

    public long UpperLimit => TickSize.UpperLimit(Kind, BasePrice);

    public long LowerLimit => TickSize.LowerLimit(Kind, BasePrice);

    /// <summary>Reference for the static VI: the open, then each single-price auction result.</summary>
    public long StaticReference { get; internal set; }

    /// <summary>End of the two-minute single-price period while a VI is active.</summary>
    public DateTimeOffset? ViUntil { get; internal set; }

    public ViEvent? ActiveVi { get; internal set; }

    /// <summary>During a VI's or the closing single-price auction: the price the orders in the book would cross at now; 0 otherwise.</summary>
    public long ExpectedPrice { get; internal set; }

    /// <summary>During a VI's or the closing single-price auction: the quantity that would trade at <see cref="ExpectedPrice"/>.</summary>
    public long ExpectedQuantity { get; internal set; }

    public int ViCount { get; internal set; }

    public bool Halted { get; internal set; }

    public DateTimeOffset? UpperLimitTime { get; internal set; }

    public DateTimeOffset? LowerLimitTime { get; internal set; }

    public long ProgramBuyQuantity { get; internal set; }

    public long ProgramSellQuantity { get; internal set; }

    public long ProgramBuyValue { get; internal set; }

    public long ProgramSellValue { get; internal set; }

    /// <summary>Net buy quantity today per investor group: individuals, foreigners, institutions.</summary>
    public long IndividualNet { get; internal set; }

    public long ForeignNet { get; internal set; }

    public long InstitutionNet { get; internal set; }

    public long ShortSellVolume { get; internal set; }

    public long LendingBalance { get; internal set; }

    /// <summary>Foreign ownership in basis points of listed shares.</summary>
    public int ForeignOwnershipBp { get; internal set; }

    /// <summary>Seed-stable per-instrument randomness for synthesized history and fundamentals.</summary>
    public int Salt { get; internal set; }

    /// <summary>Cash margin rate in percent (20, 30, 40 or 100): kt00011, kt00010 and ka10100's state.</summary>
    public int MarginRatePercent { get; internal set; } = 100;

    /// <summary>Credit guarantee group 'A' to 'D' (kt00012); each group has its guarantee rate.</summary>
    public char CreditGroup { get; internal set; } = 'D';

    public int CreditGuaranteePercent => CreditGroup switch
    {
        'A' => 40,
        'B' => 45,
        'C' => 50,
        _ => 60,
    };

    /// <summary>Today's volume-weighted average price: what the "estimated average price" fields report.</summary>
    public long AveragePrice => Volume == 0 ? Last : TradeValue / Volume;

    /// <summary>Reported figures (EPS, BPS, sales …) of a listed company; null for ETFs, ELWs and gold.</summary>
    public Fundamentals? Fundamentals { get; internal set; }

    public ElwTerms? Elw { get; internal set; }

    /// <summary>ETF basket: member codes and share counts per creation unit.</summary>
    public IReadOnlyList<BasketMember> Basket { get; internal set; } = [];

    /// <summary>ETF shares per basket: NAV per share = basket value / units.</summary>
    public long CreationUnits { get; internal set; } = 1;

    /// <summary>For an ETF: the index it tracks.</summary>
    public EtfTarget? Target { get; internal set; }

    internal TradeRing Trades { get; } = new(512);

    internal MinuteBars Minutes { get; } = new(600);

    public long Change => Last - BasePrice;

    public decimal ChangeRate => BasePrice == 0 ? 0m : Math.Round((Last - BasePrice) * 100m / BasePrice, 2);

    public bool InVi => ViUntil is not null;

    /// <summary>Sign code of PROTOCOL.md 3.6: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down.</summary>
    public char SignCode => SignFor(Last);

    public char SignFor(long price)
    {
        if (price >= UpperLimit)
        {
            return '1';
        }

        if (price <= LowerLimit)
        {
            return '4';
        }

        return price > BasePrice ? '2' : price < BasePrice ? '5' : '3';
    }

    public long MarketCapEok => Last * ListedShares / 100_000_000;
}
