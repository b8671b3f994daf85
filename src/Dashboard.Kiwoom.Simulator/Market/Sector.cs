namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>A sector index (업종): its members and the live index level in hundredths of a point.</summary>
public sealed class Sector(string code, string name, string market, decimal baseLevel, IReadOnlyList<Instrument> members)
{
    public string Code { get; } = code;

    public string Name { get; } = name;

    /// <summary>"0" KOSPI, "1" KOSDAQ, "2" KOSPI200 — the mrkt_tp values of the sector TRs.</summary>
    public string Market { get; } = market;

    public decimal BaseLevel { get; } = baseLevel;

    public IReadOnlyList<Instrument> Members { get; } = members;

    /// <summary>
    /// An industry (음식료업, 전기전자 …): its members are the stocks filed under its code, and the industries of a market
    /// split it between them. The composite, the size classes and KOSPI200 are the whole market or a cut across it.
    /// </summary>
    public bool IsIndustry { get; init; }

    /// <summary>Cap-weighted level: the base level scaled by members' value now versus at the previous close.</summary>
    public decimal LevelAt(Func<Instrument, long> price)
    {
        decimal now = 0, prev = 0;
        foreach (var m in Members)
        {
            now += (decimal)price(m) * m.ListedShares;
            prev += (decimal)m.BasePrice * m.ListedShares;
        }

        return prev == 0 ? BaseLevel : Math.Round(BaseLevel * now / prev, 2);
    }

    public decimal Level => LevelAt(static m => m.Last);

    public decimal OpenLevel => LevelAt(static m => m.Open);

    public decimal HighLevel => Math.Max(LevelAt(static m => m.High), Level);

    public decimal LowLevel => Math.Min(LevelAt(static m => m.Low), Level);
}
