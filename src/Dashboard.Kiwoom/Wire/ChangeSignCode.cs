namespace Dashboard.Kiwoom.Wire;

/// <summary>The 전일대비기호 codes (PROTOCOL.md 3.6).</summary>
public enum ChangeSignCode
{
    UpperLimit = 1,
    Up = 2,
    Unchanged = 3,
    LowerLimit = 4,
    Down = 5,
}
