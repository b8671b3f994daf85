using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.LoadTest;

/// <summary>
/// What a browser reads out of a prerendered Blazor page to start its circuit: the server component
/// markers (<c>&lt;!--Blazor:{...}--&gt;</c> start markers carrying a protected descriptor) and the persisted
/// component state, both handed back to the hub unchanged.
/// </summary>
internal sealed partial class PrerenderedPage
{
    private PrerenderedPage(IReadOnlyList<JsonElement> markers, string state)
    {
        Markers = markers;
        State = state;
    }

    public IReadOnlyList<JsonElement> Markers { get; }

    public string State { get; }

    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonElement>();
        foreach (Match match in MarkerComment().Matches(html))
        {
            using var document = JsonDocument.Parse(match.Groups[1].Value);
            var marker = document.RootElement;
            if (marker.TryGetProperty("type", out var type) && type.GetString() == "server" && marker.TryGetProperty("descriptor", out _))
            {
                markers.Add(marker.Clone());
            }
        }

        var state = StateComment().Match(html) is { Success: true } s ? s.Groups[1].Value : string.Empty;
        return new PrerenderedPage(markers, state);
    }

    /// <summary>The operations blazor.web.js sends after starting the circuit: add every prerendered component.</summary>
    public string AddOperationsJson()
    {
        var operations = Markers.Select((marker, index) => new Dictionary<string, object>
        {
            ["type"] = "add",
            ["ssrComponentId"] = index + 1,
            ["marker"] = marker,
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["batchId"] = 1, ["operations"] = operations.ToArray() });
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateComment();
}
