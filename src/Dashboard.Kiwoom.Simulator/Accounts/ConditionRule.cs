namespace Dashboard.Kiwoom.Simulator.Accounts;

/// <summary>The predicates saved conditions can use.</summary>
public enum ConditionRule
{
    ChangeRateAbove,
    ChangeRateBelow,
    VolumeAbove,
    NearUpperLimit,
    InVi,
}
