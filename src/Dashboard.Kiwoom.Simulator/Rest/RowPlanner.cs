using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Decides what the rows of a LIST field are: candles for chart TRs, listings ranked by the metric the TR
/// names for rankings, sectors, themes, brokers, or the tape of the requested listing. Call under the gate.
/// </summary>
internal sealed class RowPlanner(MarketEngine engine, PriceHistory history)
{
    public const int MaxRankingRows = 100;
    public const int MaxChartRows = 900;

    public static ChartInterval IntervalOf(string apiId) => ListClassifier.IntervalOf(apiId);

    public RowContext TopLevel(CatalogTr tr, RequestInput input, DateTime nowKst, IReadOnlyDictionary<string, string>? overrides)
    {
        var instrument = RequestedInstrument(input);
        return new RowContext
        {
            Engine = engine,
            NowKst = nowKst,
            Instrument = instrument,
            History = history,
            Sector = engine.Universe.FindSector(input.Get("inds_cd")),
            Theme = engine.Universe.Themes.FirstOrDefault(t => t.Code == input.Get("thema_grp_cd")),
            Overrides = overrides ?? (instrument is not null && IsListingFacts(tr.Response) ? ListingInfo(tr.Response, instrument) : null),
            Rank = 1,
        };
    }

    public IReadOnlyList<RowContext> Rows(CatalogTr tr, CatalogField list, RequestInput input, DateTime nowKst, int limit = int.MaxValue)
    {
        var fields = list.Fields ?? [];
        var shape = ListClassifier.Classify(tr, list);
        switch (shape)
        {
            case ListShape.Chart:
                return ChartRows(IntervalOf(tr.Id), input, nowKst, limit);
            case ListShape.ViEvents:
                return ViRows(list, nowKst);
            case ListShape.ListingDirectory:
                return RankedRows(tr, input, nowKst)
                    .Select(r => new RowContext { Engine = engine, NowKst = nowKst, Instrument = r.Instrument, Rank = r.Rank, Overrides = ListingInfo(fields, r.Instrument!) }).ToArray();
            case ListShape.SectorIndices:
                // The sectors of the composite asked for (001 KOSPI with KOSPI200, 101 KOSDAQ).
                var kosdaq = engine.Universe.FindSector(input.Get("inds_cd"))?.Code == "101";
                return engine.Universe.Sectors.Where(s => kosdaq ? s.Market == "1" : s.Market != "1")
                    .Select((s, k) => new RowContext { Engine = engine, NowKst = nowKst, Sector = s, Rank = k + 1 }).ToArray();
            case ListShape.Instruments:
                return RankedRows(tr, input, nowKst);
            case ListShape.Sectors:
                return SectorRows(fields, input, nowKst);
            case ListShape.Themes:
                return engine.Universe.Themes.OrderByDescending(t => t.AverageChangeRate)
                    .Select((t, k) => new RowContext { Engine = engine, NowKst = nowKst, Theme = t, Instrument = t.Members[0], Rank = k + 1 }).ToArray();
            case ListShape.Brokers:
                return engine.Universe.Brokers.Select((b, k) => new RowContext { Engine = engine, NowKst = nowKst, Broker = b, Instrument = RequestedInstrument(input), Rank = k + 1 }).ToArray();
        }

        var indexColumns = fields.Any(f => FieldClassifier.For(f).Kind == ValueKind.Index);
        if (shape is ListShape.Days or ListShape.Tape && indexColumns && engine.Universe.FindSector(input.Get("inds_cd")) is not null)
        {
            // A sector's days or tape in index points, from the same scaled candles its charts show.
            return ChartRows(shape == ListShape.Days ? ChartInterval.Day : ChartInterval.Tick, input, nowKst, Math.Min(limit, 60));
        }

        var instrument = RequestedInstrument(input) ?? engine.Universe.ByCode["005930"];
        switch (shape)
        {
            case ListShape.Days:
                return DayRows(instrument, history.Days(instrument), input, nowKst, 60);
            case ListShape.EtfReturns:
                return EtfReturnRows(fields, instrument, input, nowKst);
            case ListShape.IndicatorSeries:
                var ticks = history.Ticks(instrument, 60);
                return ticks.Count == 0
                    ? [new RowContext { Engine = engine, NowKst = nowKst, Instrument = instrument, Rank = 1 }]
                    : ticks.Select((t, k) => new RowContext { Engine = engine, NowKst = nowKst, Instrument = instrument, Trade = t, Rank = k + 1 }).ToArray();
            case ListShape.Tape:
                return history.Ticks(instrument, 60).Select((t, k) => new RowContext { Engine = engine, NowKst = nowKst, Instrument = instrument, Trade = t, Rank = k + 1 }).ToArray();
            default:
                return Enumerable.Range(1, 10).Select(k => new RowContext { Engine = engine, NowKst = nowKst, Instrument = instrument, Rank = k }).ToArray();
        }
    }

    /// <summary>
    /// ka40001 for the period <c>dt</c> asks (0 a week, 1 a month, 2 six months, 3 a year): one row per trading day,
    /// newest first, with the NAV return (etfprft_rt) and the price return (cntr_prft_rt) from the close before the
    /// period to that day, and that day's foreign and institutional net buying; the first row is the period's return.
    /// </summary>
    private RowContext[] EtfReturnRows(IReadOnlyList<CatalogField> fields, Instrument etf, RequestInput input, DateTime nowKst)
    {
        if (etf.Kind != InstrumentKind.Etf)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(nowKst);
        var since = input.Get("dt") switch
        {
            "0" => today.AddDays(-7),
            "1" => today.AddMonths(-1),
            "2" => today.AddMonths(-6),
            _ => today.AddYears(-1),
        };
        var days = history.Days(etf);
        var inPeriod = days.TakeWhile(d => DateOnly.FromDateTime(d.Time) > since).ToArray();
        if (inPeriod.Length == days.Count)
        {
            return [];
        }

        var start = days[inPeriod.Length];
        var startNav = EtfHistory.NavOn(engine, etf, DateOnly.FromDateTime(start.Time), start.Close);
        return inPeriod.Select((d, k) =>
        {
            var day = DateOnly.FromDateTime(d.Time);
            var nav = EtfHistory.NavOn(engine, etf, day, d.Close);
            var (foreign, institution) = day == today ? (etf.ForeignNet, etf.InstitutionNet) : PastNetBuying(etf, d);
            return new RowContext
            {
                Engine = engine,
                NowKst = nowKst,
                Instrument = etf,
                Bar = d,
                BarReference = k + 1 < days.Count ? days[k + 1].Close : d.Open,
                Rank = k + 1,
                Overrides = OverrideBuilder.Build(fields, spec => spec.Name switch
                {
                    "etfprft_rt" => startNav == 0 ? 0m : Math.Round((nav / startNav - 1) * 100, 2),
                    "cntr_prft_rt" => start.Close == 0 ? 0m : Math.Round(((decimal)d.Close / start.Close - 1) * 100, 2),
                    "for_netprps_qty" => foreign,
                    "orgn_netprps_qty" => institution,
                    _ => null,
                }, zeroUnmappedNumbers: false),
            };
        }).ToArray();
    }

    /// <summary>A past day's foreign and institutional net buying: seeded per fund and day, a share of that day's volume.</summary>
    private static (long Foreign, long Institution) PastNetBuying(Instrument etf, Bar day)
    {
        var rng = new Random(etf.Salt ^ DateOnly.FromDateTime(day.Time).DayNumber ^ 0x4E7);
        long Share() => (long)(day.Volume * (rng.NextDouble() - 0.5) * 0.4);
        return (Share(), Share());
    }

    /// <summary>
    /// Sectors, of the requested market where the request names one of the sector markets (0 KOSPI, 1 KOSDAQ, 2 KOSPI200).
    /// A request for one venue (stex_tp) gets the sector codes with that venue's suffix, as the guide's ka10051 example
    /// answers "001_AL" for the combined market.
    /// </summary>
    private RowContext[] SectorRows(IReadOnlyList<CatalogField> fields, RequestInput input, DateTime nowKst)
    {
        var market = input.Get("mrkt_tp");
        var venue = MarketUniverse.VenueSuffix(input.Get("stex_tp"));
        var byMarket = engine.Universe.Sectors.Any(s => s.Market == market);
        return engine.Universe.Sectors.Where(s => !byMarket || s.Market == market)
            .Select((s, k) => new RowContext
            {
                Engine = engine,
                NowKst = nowKst,
                Sector = s,
                Rank = k + 1,

                // The group is the sector's place in the list.
                Overrides = OverrideBuilder.Build(fields, spec => spec.Name switch
                {
                    "marketCode" => s.Market,
                    "inds_cd" => s.Code + venue,
                    "group" => (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                }, zeroUnmappedNumbers: false),
            }).ToArray();
    }

    private static bool TakesCodeList(CatalogTr tr) =>
        tr.Request.Any(f => f.Name == "stk_cd" && f.Desc.Contains("separated by '|'", StringComparison.Ordinal));

    private static bool IsListingFacts(IReadOnlyList<CatalogField> fields) =>
        fields.Any(f => f.Name == "listCount") && fields.Any(f => f.Name == "regDay");

    public Instrument? RequestedInstrument(RequestInput input)
    {
        var code = input.Get("stk_cd");
        if (code.Contains('|', StringComparison.Ordinal))
        {
            code = code.Split('|')[0];
        }

        return engine.Universe.Find(code);
    }

    private IReadOnlyList<RowContext> ChartRows(ChartInterval interval, RequestInput input, DateTime nowKst, int limit)
    {
        var sector = engine.Universe.FindSector(input.Get("inds_cd"));
        var instrument = sector is not null ? LargestMember(sector) : RequestedInstrument(input) ?? engine.Universe.ByCode["005930"];
        var scope = int.TryParse(input.Get("tic_scope"), out var s) && s > 0 ? s : 1;
        if (interval == ChartInterval.Tick)
        {
            var ticks = history.Ticks(instrument, Math.Min(MaxChartRows, limit));
            return ticks.Select((t, k) => new RowContext
            {
                Engine = engine,
                NowKst = nowKst,
                Instrument = sector is null ? instrument : null,
                Sector = sector,
                Bar = sector is null ? null : Scale(new Bar(KoreaTime.WallClock(t.Time), t.Price, t.Price, t.Price, t.Price, Math.Abs(t.Quantity), t.Price * Math.Abs(t.Quantity)), sector, instrument),
                BarReference = sector is null ? 0 : (long)(sector.BaseLevel * 100),
                Trade = t,
                Rank = k + 1,
            }).ToArray();
        }

        IReadOnlyList<Bar> bars = interval switch
        {
            ChartInterval.Minute => history.Minutes(instrument, scope, Math.Min(MaxChartRows, limit)),
            ChartInterval.Day => history.Days(instrument),
            ChartInterval.Week => history.Aggregate(instrument, 7),
            ChartInterval.Month => history.Aggregate(instrument, 30),
            _ => history.Aggregate(instrument, 365),
        };
        if (sector is not null)
        {
            bars = bars.Select(b => Scale(b, sector, instrument)).ToArray();
        }

        return BarRows(bars, sector is null ? instrument : null, sector, input, nowKst, Math.Min(limit, MaxChartRows));
    }

    private RowContext[] BarRows(IReadOnlyList<Bar> bars, Instrument? instrument, Sector? sector, RequestInput input, DateTime nowKst, int max)
    {
        var baseDate = DateTime.TryParseExact(input.Get("base_dt"), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var bd) ? bd.AddDays(1) : DateTime.MaxValue;
        var rows = new List<RowContext>();
        for (var k = 0; k < bars.Count && rows.Count < max; k++)
        {
            if (bars[k].Time >= baseDate)
            {
                continue;
            }

            var reference = k + 1 < bars.Count ? bars[k + 1].Close : bars[k].Open;
            rows.Add(new RowContext { Engine = engine, NowKst = nowKst, Instrument = instrument, Sector = sector, Bar = bars[k], BarReference = reference, Rank = rows.Count + 1 });
        }

        return rows.ToArray();
    }

    private RowContext[] DayRows(Instrument instrument, IReadOnlyList<Bar> days, RequestInput input, DateTime nowKst, int max) =>
        BarRows(days, instrument, null, input, nowKst, max);

    private IReadOnlyList<RowContext> RankedRows(CatalogTr tr, RequestInput input, DateTime nowKst)
    {
        IEnumerable<Instrument> pool;
        var codes = input.Get("stk_cd");

        // A code list ("005930|069500") names its rows, and so does a list of one where the TR takes lists (ka10095).
        if (codes.Contains('|', StringComparison.Ordinal) || (codes.Length > 0 && TakesCodeList(tr)))
        {
            return codes.Split('|').Select(engine.Universe.Find).OfType<Instrument>()
                .Select((i, k) => new RowContext { Engine = engine, NowKst = nowKst, Instrument = i, Rank = k + 1 }).ToArray();
        }

        if (engine.Universe.FindSector(input.Get("inds_cd")) is { } sector && tr.Path != "/api/dostk/elw")
        {
            pool = sector.Members;
        }
        else if (engine.Universe.Themes.FirstOrDefault(t => t.Code == input.Get("thema_grp_cd")) is { } theme)
        {
            pool = theme.Members;
        }
        else
        {
            var kind = tr.Path switch
            {
                "/api/dostk/elw" => InstrumentKind.Elw,
                "/api/dostk/etf" => InstrumentKind.Etf,
                _ when tr.Id.StartsWith("ka50", StringComparison.Ordinal) || tr.Id.StartsWith("kt50", StringComparison.Ordinal) => InstrumentKind.Gold,
                _ => InstrumentKind.Stock,
            };
            var market = input.Get("mrkt_tp");
            pool = engine.Universe.All.Where(i => i.Kind == kind && (market switch
            {
                "001" or "0" => i.Market == "KOSPI",
                "101" or "10" or "1" => i.Market == "KOSDAQ",
                _ => true,
            }));
        }

        var title = tr.NameEn.ToLowerInvariant();
        Func<Instrument, decimal> metric = title switch
        {
            _ when title.Contains("fall", StringComparison.Ordinal) || title.Contains("decline", StringComparison.Ordinal) => i => -i.ChangeRate,
            _ when title.Contains("rate", StringComparison.Ordinal) || title.Contains("rise", StringComparison.Ordinal) || title.Contains("surge", StringComparison.Ordinal) || title.Contains("upper limit", StringComparison.Ordinal) => i => i.ChangeRate,
            _ when title.Contains("value", StringComparison.Ordinal) => i => i.TradeValue,
            _ when title.Contains("volume", StringComparison.Ordinal) => i => i.Volume,
            _ when title.Contains("foreign", StringComparison.Ordinal) => i => i.ForeignNet,
            _ when title.Contains("institution", StringComparison.Ordinal) => i => i.InstitutionNet,
            _ when title.Contains("program", StringComparison.Ordinal) => i => i.ProgramBuyValue - i.ProgramSellValue,
            _ => i => i.MarketCapEok,
        };
        // Rankings stop at a hundred like Kiwoom's; listing TRs (ka10099 and friends) return the whole market.
        return pool.OrderByDescending(metric).ThenBy(i => i.Code, StringComparer.Ordinal).Take(tr.Path == "/api/dostk/rkinfo" ? MaxRankingRows : int.MaxValue)
            .Select((i, k) => new RowContext { Engine = engine, NowKst = nowKst, Instrument = i, Rank = k + 1 }).ToArray();
    }

    /// <summary>ka10054: today's VI events, newest first, from the engine's VI log.</summary>
    private RowContext[] ViRows(CatalogField list, DateTime nowKst)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return engine.ViLog().Reverse().Select((vi, k) =>
        {
            var i = engine.Universe.ByCode[vi.Code];
            var overrides = OverrideBuilder.Build(list.Fields ?? [], spec => spec.Name switch
            {
                "acc_trde_qty" => vi.Volume,
                "motn_pric" => vi.TriggerPrice,
                "dynm_dispty_rt" or "static_dispty_rt" => vi.DisparityRate,
                "trde_cntr_proc_time" => KoreaTime.WallClock(vi.TriggeredAt).ToString("HHmmss", inv),
                "virelis_time" => KoreaTime.WallClock(vi.ReleasedAt ?? vi.ReleaseAt).ToString("HHmmss", inv),
                "viaplc_tp" => vi.Static ? "정적" : "동적",
                // The reference each kind was measured from; left to the generic renderer they came out as amounts.
                "static_stdpc" => vi.Static ? vi.ReferencePrice : 0,
                "dynm_stdpc" => vi.Static ? 0 : vi.ReferencePrice,
                _ => null,
            }, zeroUnmappedNumbers: false);
            return new RowContext { Engine = engine, NowKst = nowKst, Instrument = i, Overrides = overrides, Rank = k + 1 };
        }).ToArray();
    }

    /// <summary>ka10099/ka10100 listing facts in their camelCase wire names.</summary>
    private Dictionary<string, string> ListingInfo(IEnumerable<CatalogField> fields, Instrument i)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var sector = engine.Universe.SectorByCode.GetValueOrDefault(i.SectorCode);
        return OverrideBuilder.Build(fields, spec => spec.Name switch
        {
            "code" => i.Code,
            "name" => i.Name,
            "listCount" => i.ListedShares.ToString("D16", inv),
            "lastPrice" => i.BasePrice.ToString("D8", inv),
            "regDay" => new DateOnly(1975 + i.Salt % 45, 1 + i.Salt % 12, 1 + i.Salt % 28).ToString("yyyyMMdd", inv),
            "state" => i.Halted ? "거래정지" : $"증거금{i.MarginRatePercent}%",
            "auditInfo" => "정상",
            "marketCode" => i.Kind switch { InstrumentKind.Etf => "8", InstrumentKind.Elw => "3", InstrumentKind.Gold => "80", _ => i.Market == "KOSDAQ" ? "10" : "0" },
            "marketName" => i.Kind switch { InstrumentKind.Etf => "ETF", InstrumentKind.Elw => "ELW", InstrumentKind.Gold => "금현물", _ => i.Market == "KOSDAQ" ? "코스닥" : "거래소" },
            "upName" => sector?.Name ?? "",
            "upSizeName" => i.MarketCapEok > 100_000 ? "대형주" : i.MarketCapEok > 10_000 ? "중형주" : "소형주",
            "companyClassName" => "",
            "orderWarning" => "0",
            "nxtEnable" => "Y",
            _ => null,
        }, zeroUnmappedNumbers: false);
    }

    private static Instrument LargestMember(Sector sector) => sector.Members.MaxBy(m => m.MarketCapEok)!;

    /// <summary>Index candles in hundredths of a point: the largest member's candles scaled to today's level.</summary>
    private static Bar Scale(Bar b, Sector sector, Instrument member)
    {
        var factor = sector.Level * 100m / Math.Max(1, member.Last);
        return new Bar(b.Time, (long)(b.Open * factor), (long)(b.High * factor), (long)(b.Low * factor), (long)(b.Close * factor), b.Volume, b.Value);
    }
}
