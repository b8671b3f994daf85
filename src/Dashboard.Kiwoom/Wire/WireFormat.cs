namespace Dashboard.Kiwoom.Wire;

/// <summary>How wire values print when they carry no parsed value.</summary>
internal static class WireFormat
{
    public static string Unparsed(string? raw, bool malformed) =>
        malformed ? $"'{raw}' (unparsed)" : string.Empty;
}
