extern alias simulator;

using Dashboard.Web.Broker;
using Dashboard.Web.Data;
using Dashboard.Web.Watchlists;
using Microsoft.Extensions.DependencyInjection;
using MarketUniverse = simulator::Dashboard.Kiwoom.Simulator.Market.MarketUniverse;
using SimulatorOptions = simulator::Dashboard.Kiwoom.Simulator.SimulatorOptions;

namespace Dashboard.LoadTest;

/// <summary>
/// The live stocks of the S1/S2/S4 pages and the page that shows them. QUALITY.md's pages carry 40 symbols; the
/// market overview has 12 (<see cref="MarketDefaults.Stocks"/>), so any other count is a team watchlist of that many
/// stocks (the product's page for a member's own set; every member can open a team list), opened at
/// <c>watchlists/{id}</c>. The stocks are the overview's first, then the simulated market's other stocks in code
/// order, all ticking at the fixed rate.
/// </summary>
internal sealed class BenchSymbols
{
    public const int QualityPageSize = 40;

    /// <summary>The most a watchlist holds.</summary>
    public const int Most = WatchlistService.MaxItems;

    private BenchSymbols(IReadOnlyList<string> codes) => Codes = codes;

    public IReadOnlyList<string> Codes { get; }

    public bool IsOverview => Codes.Count == MarketDefaults.Stocks.Count && Codes.SequenceEqual(MarketDefaults.Stocks);

    /// <summary>The page every S1/S2/S4 tab opens: set by <see cref="PreparePageAsync"/>.</summary>
    public string Page { get; private set; } = OverviewPage;

    public const string OverviewPage = "market";

    public static BenchSymbols Of(int count)
    {
        if (count == MarketDefaults.Stocks.Count)
        {
            return new BenchSymbols(MarketDefaults.Stocks);
        }

        // The simulator builds its market from the same seed, so these codes exist in the host's market.
        var universe = MarketUniverse.Create(new SimulatorOptions().Seed, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)));
        var others = universe.Stocks.Select(s => s.Code).Where(c => MarketDefaults.IsStockCode(c) && !MarketDefaults.Stocks.Contains(c)).Order(StringComparer.Ordinal);
        var codes = MarketDefaults.Stocks.Concat(others).Take(count).ToList();
        if (codes.Count < count)
        {
            throw new InvalidOperationException($"The simulated market has only {codes.Count} stocks; asked for {count}.");
        }

        return new BenchSymbols(codes);
    }

    /// <summary>Creates the team watchlist of these stocks (through the product's own service, as a Trader) unless they are the overview's.</summary>
    public async Task PreparePageAsync(BenchHost host)
    {
        if (IsOverview)
        {
            Page = OverviewPage;
            return;
        }

        var missing = Scenarios.ScenarioTools.Control(host).Market.Read(u => Codes.Where(c => !u.ByCode.ContainsKey(c)).ToList());
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The host's simulated market lacks {string.Join(", ", missing)} (another seed?).");
        }

        var editor = (await host.CreateMemberRecordsAsync(1, role: DashboardRoles.Trader))[0];
        var lists = host.Services.GetRequiredService<WatchlistService>();
        var created = await lists.CreateAsync(editor.Principal, $"Bench {Codes.Count}", team: true);
        var id = created.Id ?? throw new InvalidOperationException($"Creating the bench watchlist failed: {created.Outcome}.");
        foreach (var code in Codes)
        {
            var added = await lists.AddAsync(editor.Principal, id, code, note: null);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Adding {code} to the bench watchlist failed: {added.Outcome}.");
            }
        }

        Page = $"watchlists/{id}";
    }

    public string Describe() => IsOverview
        ? $"the market overview's {Codes.Count} stocks (plus its 3 indices)"
        : $"a team watchlist of {Codes.Count} stocks";
}
