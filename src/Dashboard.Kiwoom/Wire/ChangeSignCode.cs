namespace Dashboard.Kiwoom.Wire;

/// <summary>The 전일대비기호 codes (PROTOCOL.md 3.6); FID 25, 238 and 293 of the realtime pushes carry them too.</summary>
public enum ChangeSignCode
{
    /// <summary>A realtime push without the code or with one outside 1-5 (the REST form is then a null <see cref="ChangeSign.Value"/>).</summary>
    Unknown = 0,

    UpperLimit = 1,
    Up = 2,
    Unchanged = 3,
    LowerLimit = 4,
    Down = 5,
}
