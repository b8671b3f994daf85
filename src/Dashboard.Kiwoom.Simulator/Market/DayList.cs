using System.Collections;

namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Today's live candle in front of the cached past days, without copying the history per request.</summary>
internal sealed class DayList(Bar today, Bar[] past) : IReadOnlyList<Bar>
{
    public int Count => past.Length + 1;

    public Bar this[int index] => index == 0 ? today : past[index - 1];

    public IEnumerator<Bar> GetEnumerator()
    {
        yield return today;
        foreach (var b in past)
        {
            yield return b;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
