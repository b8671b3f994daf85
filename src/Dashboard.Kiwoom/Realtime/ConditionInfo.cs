namespace Dashboard.Kiwoom.Realtime;

/// <summary>A saved condition (CNSRLST): its sequence number and name as created in Kiwoom's HTS.</summary>
public sealed record ConditionInfo(string Seq, string Name);
