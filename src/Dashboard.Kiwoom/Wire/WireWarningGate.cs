using System.Collections.Concurrent;
using System.Text;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// Lets the first <see cref="WireWarning"/> of each kind through: the same TR, the same field (list
/// indexes ignored) and the same expectation. A field the catalog does not list comes in every answer
/// and every row of it; logging each (ten lines per sector query, for every member) buried everything
/// else in the log. The first one says all there is to say; the value stays readable in the answer's
/// Extra. Bounded: past <see cref="Capacity"/> kinds the gate forgets and starts over.
/// </summary>
public sealed class WireWarningGate
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a warning of this kind is offered.</summary>
    public bool IsFirst(WireWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (_seen.Count >= Capacity)
        {
            _seen.Clear();
        }

        return _seen.TryAdd(string.Join('|', warning.ApiId, WithoutIndexes(warning.Field), warning.Expected), 0);
    }

    /// <summary>"stk_list[3].cur_prc" → "stk_list[].cur_prc".</summary>
    public static string WithoutIndexes(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.Contains('[', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        var inIndex = false;
        foreach (var c in field)
        {
            if (c == '[')
            {
                inIndex = true;
                text.Append(c);
            }
            else if (c == ']')
            {
                inIndex = false;
                text.Append(c);
            }
            else if (!inIndex)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
