using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>Runs a saved condition over the live market. Call under the market gate.</summary>
public static class ConditionEvaluator
{
    public static IReadOnlyList<Instrument> Matches(SavedCondition condition, MarketUniverse universe)
    {
        var result = new List<Instrument>();
        foreach (var i in universe.Stocks)
        {
            var hit = condition.Rule switch
            {
                ConditionRule.ChangeRateAbove => i.ChangeRate >= condition.Threshold,
                ConditionRule.ChangeRateBelow => i.ChangeRate <= condition.Threshold,
                ConditionRule.VolumeAbove => i.Volume >= condition.Threshold,
                ConditionRule.NearUpperLimit => i.ChangeRate >= condition.Threshold,
                ConditionRule.InVi => i.InVi,
                _ => false,
            };
            if (hit)
            {
                result.Add(i);
            }
        }

        return result;
    }
}
