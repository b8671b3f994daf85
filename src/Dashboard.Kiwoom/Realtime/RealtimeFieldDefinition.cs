namespace Dashboard.Kiwoom.Realtime;

/// <summary>One FID of one realtime type, with how to read it.</summary>
public sealed record RealtimeFieldDefinition(string Type, int Fid, string NameKo, string NameEn, RealtimeFieldKind Kind);
