namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A value that did not fit its semantic type. The value is kept as its raw string; this names
/// where it came from so it can be logged or printed (never a silent zero).
/// </summary>
/// <param name="ApiId">The TR (or realtime type) the value came in.</param>
/// <param name="Field">Wire name of the field, with its list path where nested ("stk_list[3].cur_prc").</param>
/// <param name="Value">The raw value as received.</param>
/// <param name="Expected">What the semantic type expected ("signed price", "YYYYMMDD" …).</param>
public sealed record WireWarning(string ApiId, string Field, string Value, string Expected);
