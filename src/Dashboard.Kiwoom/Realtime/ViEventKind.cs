namespace Dashboard.Kiwoom.Realtime;

/// <summary>FID 9068 of type 1h (observed, not documented): 1 triggered, 2 released.</summary>
public enum ViEventKind
{
    Unknown,
    Triggered,
    Released,
}
