using System.Globalization;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// One simulator whose account has traded: stock bought and partly sold, gold, an ETF and an ELW bought, and limit
/// buys of stock and gold resting below the market, so the account TRs have holdings, fills, realized P&amp;L and an open order to list.
/// </summary>
public sealed class TradedAccountSimulator : IAsyncLifetime
{
    public const string Stock = "005930";
    public const string Gold = "M04020000";
    public const string Etf = "069500";
    public const string Elw = "57JBHH";

    public SimulatorHost Sim { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public string RestingOrderNumber { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Sim = await SimulatorHost.StartAsync();
        Sim.Control.Step(50);
        Token = await Sim.TokenAsync();
        await OrderAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Stock, ord_qty = "10", ord_uv = "", trde_tp = "3", cond_uv = "" });
        await OrderAsync("kt10001", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Stock, ord_qty = "4", ord_uv = "", trde_tp = "3", cond_uv = "" });
        var gold = Sim.Market.Read(u => u.ByCode[Gold].AskPrices[0]);
        await OrderAsync("kt50000", "/api/dostk/ordr", new { stk_cd = Gold, ord_qty = "2", ord_uv = gold.ToString(CultureInfo.InvariantCulture), trde_tp = "00" });
        var goldBelow = Sim.Market.Read(u => u.ByCode[Gold].BidPrices[5]);
        await OrderAsync("kt50000", "/api/dostk/ordr", new { stk_cd = Gold, ord_qty = "1", ord_uv = goldBelow.ToString(CultureInfo.InvariantCulture), trde_tp = "00" });

        // An ETF and an ELW print today, so their intraday tick lists have a tape to show.
        await OrderAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Etf, ord_qty = "1", ord_uv = "", trde_tp = "3", cond_uv = "" });
        await OrderAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Elw, ord_qty = "10", ord_uv = "", trde_tp = "3", cond_uv = "" });
        var below = Sim.Market.Read(u => u.ByCode[Stock].BidPrices[5]);
        RestingOrderNumber = await OrderAsync("kt10000", "/api/dostk/ordr", new { dmst_stex_tp = "KRX", stk_cd = Stock, ord_qty = "3", ord_uv = below.ToString(CultureInfo.InvariantCulture), trde_tp = "0", cond_uv = "" });
    }

    public async Task DisposeAsync() => await Sim.DisposeAsync();

    private async Task<string> OrderAsync(string apiId, string path, object body)
    {
        var response = await Sim.CallAsync(apiId, path, body, Token);
        if (response.ReturnCode != 0)
        {
            throw new InvalidOperationException($"{apiId} was rejected: {response.Text}");
        }

        return response.Root.GetProperty("ord_no").GetString()!;
    }
}
