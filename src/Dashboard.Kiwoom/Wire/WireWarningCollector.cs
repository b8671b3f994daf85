using System.Globalization;
using System.Text.Json;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// Gathers <see cref="WireWarning"/>s for one decoded body. Capped, so a 10,000-row answer with one
/// odd column cannot flood a log; the cap itself is reported.
/// </summary>
internal sealed class WireWarningCollector(string apiId, ICollection<WireWarning> sink)
{
    internal const int MaxWarnings = 100;
    private const int MaxValueLength = 200;
    private string prefix = string.Empty;
    private int reported;
    private int suppressed;

    public void Value<T>(string field, in T value)
        where T : struct, IWireValue
    {
        if (value.IsMalformed)
        {
            Add(field, value.Raw ?? string.Empty, value.Expected);
        }
    }

    public void List<T>(string field, WireList<T> list)
        where T : KiwoomRow
    {
        if (list.Unexpected is { } unexpected)
        {
            Add(field, unexpected, "a JSON array of objects");
        }

        var saved = prefix;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is IWireChecked row)
            {
                prefix = string.Create(CultureInfo.InvariantCulture, $"{saved}{field}[{i}].");
                row.CheckWire(this);
            }
        }

        prefix = saved;
    }

    public void Extra(Dictionary<string, JsonElement>? extra)
    {
        if (extra is null)
        {
            return;
        }

        foreach (var (name, value) in extra)
        {
            Add(name, value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText(), "a field the catalog lists (kept in Extra)");
        }
    }

    /// <summary>Reports how many warnings the cap held back.</summary>
    public void Complete()
    {
        if (suppressed > 0)
        {
            sink.Add(new WireWarning(apiId, "*", suppressed.ToString(CultureInfo.InvariantCulture), $"at most {MaxWarnings} warnings per body; this many more were not listed"));
        }
    }

    private void Add(string field, string value, string expected)
    {
        if (reported >= MaxWarnings)
        {
            suppressed++;
            return;
        }

        reported++;
        var shown = value.Length <= MaxValueLength ? value : value[..MaxValueLength] + "…";
        sink.Add(new WireWarning(apiId, prefix + field, shown, expected));
    }
}
