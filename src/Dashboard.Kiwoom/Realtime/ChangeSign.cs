namespace Dashboard.Kiwoom.Realtime;

/// <summary>The change-sign code 1-5 (FID 25, 238, 293; PROTOCOL.md 3.6).</summary>
public enum ChangeSign
{
    Unknown = 0,
    UpperLimit = 1,
    Up = 2,
    Unchanged = 3,
    LowerLimit = 4,
    Down = 5,
}
