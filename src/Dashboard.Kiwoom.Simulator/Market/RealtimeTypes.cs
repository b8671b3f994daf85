namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>The realtime types of realtime.json a client can REG (02 arrives through condition search instead).</summary>
public static class RealtimeTypes
{
    public static readonly IReadOnlySet<string> Registrable = new HashSet<string>(StringComparer.Ordinal)
    {
        "00", "04", "0A", "0B", "0C", "0D", "0E", "0F", "0G", "0H", "0I", "0J", "0U", "0g", "0m", "0s", "0u", "0w", "1h",
    };

    public static bool IsRegistrable(string type) => Registrable.Contains(type);
}
