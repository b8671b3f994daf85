namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>
/// KRX's single-price matching (단일가매매): the one price at which the most shares trade. Among prices executing the
/// same volume, the one leaving the smallest unmatched surplus wins, then the one nearest the reference (the last
/// price), so a balanced book crosses where the market last was. A market order is a limit at the daily band.
/// </summary>
public static class SinglePriceCross
{
    /// <summary>The crossing price and volume of <paramref name="buys"/> and <paramref name="sells"/> (price to quantity); (0, 0) when nothing crosses.</summary>
    public static (long Price, long Quantity) Find(IReadOnlyDictionary<long, long> buys, IReadOnlyDictionary<long, long> sells, long reference)
    {
        long bestPrice = 0, bestVolume = 0, bestSurplus = long.MaxValue;
        foreach (var p in buys.Keys.Concat(sells.Keys).Distinct())
        {
            var demand = buys.Where(b => b.Key >= p).Sum(b => b.Value);
            var supply = sells.Where(s => s.Key <= p).Sum(s => s.Value);
            var volume = Math.Min(demand, supply);
            if (volume == 0)
            {
                continue;
            }

            var surplus = Math.Abs(demand - supply);
            var better = volume > bestVolume
                || (volume == bestVolume && surplus < bestSurplus)
                || (volume == bestVolume && surplus == bestSurplus && Math.Abs(p - reference) < Math.Abs(bestPrice - reference));
            if (better)
            {
                (bestPrice, bestVolume, bestSurplus) = (p, volume, surplus);
            }
        }

        return (bestPrice, bestVolume);
    }
}
