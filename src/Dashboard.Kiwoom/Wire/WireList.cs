using System.Collections;
using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// The rows of a LIST field. When the server sends something other than an array of objects the
/// rows that could be read are kept and the rest is in <see cref="Unexpected"/> (reported as a
/// warning), instead of failing the whole response.
/// </summary>
[JsonConverter(typeof(WireListConverterFactory))]
public sealed class WireList<T> : IReadOnlyList<T>
    where T : KiwoomRow
{
    private readonly T[] items;

    public WireList(IEnumerable<T> items)
        : this(items.ToArray(), null)
    {
    }

    internal WireList(T[] items, string? unexpected)
    {
        this.items = items;
        Unexpected = unexpected;
    }

    /// <summary>No rows.</summary>
    public static WireList<T> Empty { get; } = new([], null);

    /// <summary>Raw JSON of whatever was not an object row (or not an array at all); null when none.</summary>
    public string? Unexpected { get; }

    public int Count => items.Length;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public override string ToString() => $"{Count} rows";
}
