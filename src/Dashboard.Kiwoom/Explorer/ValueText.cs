using System.Text.Json;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>How one decoded value reads in a table cell (the wire types already know: "20,800 ▼", "+0.57%").</summary>
public static class ValueText
{
    public static string Of(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText(),
        _ => value.ToString() ?? string.Empty,
    };
}
