namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// A FID of an event read through its definition: the raw text and the typed value (null when the
/// value is empty or does not fit the kind; the raw text is kept either way).
/// </summary>
public sealed record RealtimeFieldReading(RealtimeFieldDefinition Field, string Raw, object? Value);
