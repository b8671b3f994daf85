namespace Dashboard.Kiwoom.Realtime;

/// <summary>Condition-search answers prefix stock codes with "A" (PROTOCOL.md 3.6); pushes do not.</summary>
public static class ConditionCodes
{
    public static string Normalize(string code)
    {
        var trimmed = code.Trim();
        return trimmed.Length == 7 && trimmed[0] == 'A' ? trimmed[1..] : trimmed;
    }
}
