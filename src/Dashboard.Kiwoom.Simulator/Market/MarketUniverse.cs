using System.Collections.Frozen;

namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// Every listing, sector, theme and broker of the simulated market, built deterministically from a seed:
/// the same seed always yields the same codes, names, prices and baskets.
/// </summary>
public sealed class MarketUniverse
{
    public const int GeneratedStocks = 300;
    public const int EtfCount = 50;
    public const int ElwCount = 100;

    private MarketUniverse(List<Instrument> all, List<Sector> sectors, List<Theme> themes, List<Broker> brokers)
    {
        All = all;
        ByCode = all.ToFrozenDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        Stocks = all.Where(i => i.Kind == InstrumentKind.Stock).ToArray();
        Sectors = sectors;
        SectorByCode = sectors.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal);
        Themes = themes;
        Brokers = brokers;
        Kospi200 = SectorByCode["201"].Members.Select(m => m.Code).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Codes of the KOSPI200 constituents: the members of sector 201, as ka20002 lists them.</summary>
    public FrozenSet<string> Kospi200 { get; }

    public IReadOnlyList<Instrument> All { get; }

    public IReadOnlyList<Instrument> Stocks { get; }

    public FrozenDictionary<string, Instrument> ByCode { get; }

    public IReadOnlyList<Sector> Sectors { get; }

    public FrozenDictionary<string, Sector> SectorByCode { get; }

    public IReadOnlyList<Theme> Themes { get; }

    public IReadOnlyList<Broker> Brokers { get; }

    /// <summary>
    /// Finds a sector by code, accepting the venue suffixes the guide shows on sector codes ("001_AL" in ka10051's answer
    /// for the combined market), so a client that sends back the code it was given gets the same sector.
    /// </summary>
    public Sector? FindSector(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var c = code.Trim();
        return SectorByCode.GetValueOrDefault(c.EndsWith("_AL", StringComparison.Ordinal) || c.EndsWith("_NX", StringComparison.Ordinal) ? c[..^3] : c);
    }

    /// <summary>
    /// The weight of <paramref name="sector"/> (ka20003's wght): its members' share of their market's capitalization at the
    /// last prices, in percent, for an industry; the industries of a market split it, so their weights add up to 100 (within
    /// rounding). Null for the composite, size and KOSPI200 indices: the whole market or a cut across it, not a part of it.
    /// </summary>
    public decimal? SectorWeight(Sector sector)
    {
        if (!sector.IsIndustry)
        {
            return null;
        }

        var market = sector.Members[0].Market;
        decimal total = 0;
        foreach (var s in Stocks)
        {
            total += s.Market == market ? s.Last * (decimal)s.ListedShares : 0;
        }

        var own = sector.Members.Sum(m => m.Last * (decimal)m.ListedShares);
        return total == 0 ? 0 : Math.Round(own * 100 / total, 2);
    }

    /// <summary>The venue suffix Kiwoom puts on codes in answers for <c>stex_tp</c> 1 (KRX, none), 2 (Nextrade, "_NX") and 3 (combined, "_AL").</summary>
    public static string VenueSuffix(string? stexTp) => stexTp switch
    {
        "2" => "_NX",
        "3" => "_AL",
        _ => "",
    };

    /// <summary>Finds a listing by code, accepting the venue suffixes _NX/_AL and an A/J/Q prefix.</summary>
    public Instrument? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var c = code.Trim();
        var underscore = c.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0)
        {
            c = c[..underscore];
        }

        if (ByCode.TryGetValue(c, out var hit))
        {
            return hit;
        }

        return c.Length == 7 && c[0] is 'A' or 'J' or 'Q' ? ByCode.GetValueOrDefault(c[1..]) : null;
    }

    public static MarketUniverse Create(int seed, DateOnly today)
    {
        var rng = new Random(seed);
        var all = new List<Instrument>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);

        foreach (var r in Listings.Stocks)
        {
            Add(all, codes, names, new Instrument(r.Code, r.Name, InstrumentKind.Stock, r.Market, r.Sector, r.Price, r.SharesMillions * 1_000_000), rng);
        }

        AddGeneratedStocks(all, codes, names, rng);
        var stocks = all.ToList();
        AddEtfs(all, codes, names, stocks, rng);
        AddElws(all, codes, names, stocks, rng, today);
        foreach (var (code, name, price) in Listings.Gold)
        {
            Add(all, codes, names, new Instrument(code, name, InstrumentKind.Gold, "KOSPI", "000", price, 1_000_000), rng);
        }

        var sectors = BuildSectors(stocks);
        var themes = BuildThemes(stocks, rng);
        var brokers = Listings.Brokers.Select(b => new Broker(b.Code, b.Name, b.Foreign)).ToList();
        return new MarketUniverse(all, sectors, themes, brokers);
    }

    private static void Add(List<Instrument> all, HashSet<string> codes, HashSet<string> names, Instrument instrument, Random rng)
    {
        codes.Add(instrument.Code);
        names.Add(instrument.Name);
        instrument.Salt = rng.Next();
        instrument.ForeignOwnershipBp = rng.Next(200, 5_500);
        instrument.LendingBalance = instrument.ListedShares / 1_000 * rng.Next(1, 30);
        instrument.PreviousVolume = Math.Max(1_000, instrument.ListedShares / rng.Next(300, 3_000));
        instrument.ParValue = instrument.Kind == InstrumentKind.Stock ? (rng.Next(3) == 0 ? 500 : rng.Next(2) == 0 ? 100 : 5_000) : 0;
        AssignCreditTerms(instrument);
        instrument.Fundamentals = instrument.Kind == InstrumentKind.Stock ? Fundamentals.For(instrument) : null;
        all.Add(instrument);
    }

    // Derived from size and the salt, not drawn from the universe's generator, so adding these terms left every
    // seeded code, name and price as it was. Large caps get the lowest margin and the best credit group.
    private static void AssignCreditTerms(Instrument i)
    {
        var cap = i.MarketCapEok;
        (i.MarginRatePercent, i.CreditGroup) = i.Kind switch
        {
            InstrumentKind.Stock when cap > 100_000 => (20, 'A'),
            InstrumentKind.Stock when cap > 10_000 => (i.Salt % 3 == 0 ? 20 : 30, 'B'),
            InstrumentKind.Stock when cap > 1_000 => (i.Salt % 2 == 0 ? 30 : 40, 'C'),
            InstrumentKind.Stock => (40, 'D'),
            InstrumentKind.Etf => (20, 'B'),
            _ => (100, 'D'),
        };
    }

    private static void AddGeneratedStocks(List<Instrument> all, HashSet<string> codes, HashSet<string> names, Random rng)
    {
        string[] kospiSectors = ["005", "008", "009", "013", "015", "021"];
        string[] kosdaqSectors = ["106", "107", "108"];
        for (var i = 0; i < GeneratedStocks; i++)
        {
            string name;
            do
            {
                name = Listings.NamePrefixes[rng.Next(Listings.NamePrefixes.Length)] + Listings.NameSuffixes[rng.Next(Listings.NameSuffixes.Length)];
                if (names.Contains(name))
                {
                    name += rng.Next(2) == 0 ? "우" : "2우B";
                }
            }
            while (names.Contains(name));

            string code;
            do
            {
                // About one in fifteen new listings gets the alphanumeric form KRX issues since 2024 (e.g. 0088M0).
                code = rng.Next(15) == 0
                    ? $"{rng.Next(0, 10_000):D4}{(char)('A' + rng.Next(26))}0"
                    : $"{rng.Next(1, 500) * 200 + rng.Next(0, 200):D6}"[..6];
            }
            while (codes.Contains(code));

            var kosdaq = i % 2 == 1;
            var price = TickSize.RoundDown(InstrumentKind.Stock, (long)Math.Exp(7.2 + rng.NextDouble() * 5.0));
            var shares = rng.Next(5, 400) * 1_000_000L / 4;
            var sector = kosdaq ? kosdaqSectors[rng.Next(kosdaqSectors.Length)] : kospiSectors[rng.Next(kospiSectors.Length)];
            Add(all, codes, names, new Instrument(code, name, InstrumentKind.Stock, kosdaq ? "KOSDAQ" : "KOSPI", sector, price, shares), rng);
        }
    }

    private static void AddEtfs(List<Instrument> all, HashSet<string> codes, HashSet<string> names, List<Instrument> stocks, Random rng)
    {
        var kospiTop = stocks.Where(s => s.Market == "KOSPI").OrderByDescending(s => s.MarketCapEok).Take(10).ToArray();
        for (var i = 0; i < EtfCount; i++)
        {
            string code, name;
            if (i < Listings.RealEtfs.Length)
            {
                (code, name) = Listings.RealEtfs[i];
            }
            else
            {
                do
                {
                    code = $"{rng.Next(100, 480):D3}{rng.Next(0, 1000):D3}";
                }
                while (codes.Contains(code));

                do
                {
                    name = $"{Listings.EtfBrands[rng.Next(Listings.EtfBrands.Length)]} {Listings.Themes[rng.Next(Listings.Themes.Length)]}{(rng.Next(3) == 0 ? "TOP10" : "")}";
                }
                while (names.Contains(name));
            }

            var members = i == 0 ? kospiTop : Enumerable.Range(0, 8).Select(_ => stocks[rng.Next(stocks.Count)]).Distinct().ToArray();
            var basket = members.Select(m => new BasketMember(m.Code, rng.Next(5, 200))).ToArray();
            var basketValue = basket.Sum(b => stocks.First(s => s.Code == b.Code).BasePrice * b.Shares);

            // A creation unit is sized so the NAV per share lands in the usual 5,000-60,000 KRW range.
            var targetNav = rng.Next(5_000, 60_000);
            var units = Math.Max(1, basketValue / targetNav);
            var etf = new Instrument(code, name, InstrumentKind.Etf, "KOSPI", "000", TickSize.RoundDown(InstrumentKind.Etf, basketValue / units), units * 10_000)
            {
                Basket = basket,
                CreationUnits = units,
                Target = TargetOf(i, name),
            };
            Add(all, codes, names, etf, rng);
        }
    }

    // Derived from the ETF's place and name, not drawn from the universe's generator, so every seeded code, name
    // and price stays as it was. A themed ETF tracks an index of its theme; every fifth a bond, gold or TR index.
    private static EtfTarget TargetOf(int place, string name)
    {
        if (place < Listings.RealEtfTargets.Length)
        {
            return Listings.RealEtfTargets[place];
        }

        var salt = name.Aggregate(17, (h, c) => (h * 31 + c) & int.MaxValue) % 10_000;
        if (place % 5 == 0)
        {
            var (code, index, level) = Listings.OtherEtfTargets[place / 5 % Listings.OtherEtfTargets.Length];
            return new EtfTarget(code, index, 1, level) { TrackingErrorBp = 2 + salt % 6 };
        }

        var theme = name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("TOP10", "", StringComparison.Ordinal);
        string[] providers = ["KRX", "FnGuide", "WISE"];
        return new EtfTarget($"T{place:D2}", $"{providers[salt % providers.Length]} {theme}", 1, 800m + salt % 2_400)
        {
            TrackingErrorBp = 8 + salt % 40,
        };
    }

    private static void AddElws(List<Instrument> all, HashSet<string> codes, HashSet<string> names, List<Instrument> stocks, Random rng, DateOnly today)
    {
        var underlyings = stocks.Where(s => s.Market == "KOSPI").OrderByDescending(s => s.MarketCapEok).Take(20).ToArray();
        const string alnum = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        for (var i = 0; i < ElwCount; i++)
        {
            string code;
            if (i < Listings.ExampleElws.Length)
            {
                code = Listings.ExampleElws[i];
            }
            else
            {
                do
                {
                    code = "5" + (char)('7' + rng.Next(3)) + new string(Enumerable.Range(0, 4).Select(_ => alnum[rng.Next(alnum.Length)]).ToArray());
                }
                while (codes.Contains(code));
            }

            var underlying = underlyings[rng.Next(underlyings.Length)];
            var isCall = rng.Next(2) == 0;
            var strike = TickSize.RoundDown(InstrumentKind.Stock, underlying.BasePrice * rng.Next(80, 121) / 100);
            var issuer = Listings.ElwIssuers[rng.Next(Listings.ElwIssuers.Length)];
            var expiry = today.AddDays(rng.Next(30, 200));
            var terms = new ElwTerms(underlying.Code, strike, expiry, isCall, 0.1m, issuer);
            var name = $"{issuer}{code[2..]}{underlying.Name}{(isCall ? "콜" : "풋")}";
            var theoretical = ElwPricing.Evaluate(terms, underlying.BasePrice, today).Price;
            var elw = new Instrument(code, name, InstrumentKind.Elw, "KOSPI", "000", Math.Max(5, TickSize.RoundDown(InstrumentKind.Elw, theoretical)), 10_000_000)
            {
                Elw = terms,
            };
            Add(all, codes, names, elw, rng);
        }
    }

    private static List<Sector> BuildSectors(List<Instrument> stocks)
    {
        var sectors = new List<Sector>();
        var kospi = stocks.Where(s => s.Market == "KOSPI").ToArray();
        var byCap = kospi.OrderByDescending(s => s.MarketCapEok).ToArray();
        foreach (var (code, name, market, level) in Listings.Sectors)
        {
            IReadOnlyList<Instrument> members = code switch
            {
                "001" => kospi,
                "002" => byCap.Take(100).ToArray(),
                "003" => byCap.Skip(100).Take(200).ToArray(),
                "004" => byCap.Skip(300).ToArray(),
                "101" => stocks.Where(s => s.Market == "KOSDAQ").ToArray(),
                // KOSPI200 is a fifth of the ~950 real KOSPI listings; the simulated market lists under 200, so the index
                // holds the larger three fifths and the rest stay outside it (with the wider dynamic VI band).
                "201" => byCap.Take(kospi.Length * 3 / 5).ToArray(),
                _ => stocks.Where(s => s.SectorCode == code).ToArray(),
            };
            var industry = code is not ("001" or "002" or "003" or "004" or "101" or "201") && members.Count > 0;
            sectors.Add(new Sector(code, name, market, level, members.Count > 0 ? members : byCap.Take(1).ToArray()) { IsIndustry = industry });
        }

        return sectors;
    }

    private static List<Theme> BuildThemes(List<Instrument> stocks, Random rng)
    {
        var themes = new List<Theme>();
        for (var i = 0; i < Listings.Themes.Length; i++)
        {
            var members = Enumerable.Range(0, rng.Next(5, 12)).Select(_ => stocks[rng.Next(stocks.Count)]).Distinct().ToArray();
            themes.Add(new Theme((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Listings.Themes[i], members));
        }

        return themes;
    }
}
