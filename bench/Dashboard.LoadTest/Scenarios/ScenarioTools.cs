extern alias simulator;

using Dashboard.Kiwoom.Market;
using Dashboard.Web.Broker;
using Dashboard.Web.Orders;
using Microsoft.Extensions.DependencyInjection;
using AccountBook = simulator::Dashboard.Kiwoom.Simulator.Accounts.AccountBook;
using simulator::Dashboard.Kiwoom.Simulator.Control;

namespace Dashboard.LoadTest.Scenarios;

/// <summary>What S3 and S6 share: the simulator's controls, orders placed through the real order service, counts at the simulator.</summary>
internal static class ScenarioTools
{
    /// <summary>The stock S6 watches for its first tick after a fault, and S3/S6 order (it trades in the fixed-rate mode).</summary>
    public static string WatchedCode => MarketDefaults.Stocks[0];

    public static SimulatorControl Control(BenchHost host) => host.Services.GetRequiredService<SimulatorControl>();

    /// <summary>Orders the simulator holds across every account: compared with orders accepted, it proves no order went out twice.</summary>
    public static int OrdersAtSimulator(BenchHost host) => host.Services.GetRequiredService<AccountBook>().All.Sum(a => a.Orders.ToArray().Length);

    /// <summary>
    /// One limit buy of one share at 97 % of the last price (left open, so it stays one order), through
    /// <see cref="IOrderService"/> exactly as the order ticket calls it. Returns the broker's order number when accepted.
    /// </summary>
    public static async Task<(OrderOutcome Outcome, string? OrderNumber, string Reasons)> PlaceAsync(BenchHost host, BenchMember member)
    {
        var last = Control(host).Market.Read(u => u.ByCode[WatchedCode].Last);
        var price = KrxTickSize.RoundDown(KrxTickTable.Stock, last * 97 / 100);
        var orders = host.Services.GetRequiredService<IOrderService>();
        var result = await orders.PlaceOrderAsync(member.Principal, new OrderTicket(Guid.NewGuid(), member.ConnectionId, WatchedCode, OrderSide.Buy, 1, price, "0"));
        return (result.Outcome, result.Order?.OrderNumber, string.Join(" ", result.Reasons.Select(r => r.Code)));
    }

    /// <summary>
    /// The open-auction burst: the fixed-rate market runs <paramref name="factor"/> steps for every step of its
    /// timer (each step trades every listed stock its share), so the tick rate is multiplied for the duration.
    /// </summary>
    public static async Task BurstAsync(BenchHost host, int factor, TimeSpan duration, TimeSpan stepInterval)
    {
        var control = Control(host);
        using var timer = new PeriodicTimer(stepInterval);
        var until = DateTimeOffset.UtcNow + duration;
        while (DateTimeOffset.UtcNow < until && await timer.WaitForNextTickAsync())
        {
            control.Step(factor - 1);
        }
    }

    /// <summary>Waits (bounded) until <paramref name="done"/> holds, polling every 100 ms.</summary>
    public static async Task<bool> UntilAsync(Func<bool> done, TimeSpan limit)
    {
        var until = DateTimeOffset.UtcNow + limit;
        while (!done())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
