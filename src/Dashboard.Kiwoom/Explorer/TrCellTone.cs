namespace Dashboard.Kiwoom.Explorer;

/// <summary>Which way a value points, for colouring (the Korean convention: red up, blue down).</summary>
public enum TrCellTone
{
    None,
    Up,
    Down,
}
