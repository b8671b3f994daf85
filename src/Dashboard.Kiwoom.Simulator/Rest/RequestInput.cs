using System.Text.Json;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>The request body's top-level string values (Kiwoom sends every input as a string).</summary>
internal sealed class RequestInput
{
    private readonly Dictionary<string, string> _values;

    private RequestInput(Dictionary<string, string> values) => _values = values;

    public static RequestInput Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);

    public string Get(string name, string fallback = "") => _values.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>Parses an object body; numbers and booleans are kept as their JSON text.</summary>
    public static RequestInput? Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return Empty;
        }

        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                };
            }

            return new RequestInput(values);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
