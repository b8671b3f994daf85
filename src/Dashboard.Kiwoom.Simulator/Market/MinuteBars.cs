namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>Minute candles built from live trades (KST minute buckets), newest last, bounded.</summary>
internal sealed class MinuteBars(int capacity)
{
    private readonly List<Bar> _bars = new(capacity);

    public int Count => _bars.Count;

    public Bar this[int index] => _bars[index];

    public void Record(DateTime kstMinute, long price, long quantity)
    {
        if (_bars.Count > 0 && _bars[^1].Time == kstMinute)
        {
            var b = _bars[^1];
            _bars[^1] = b with { High = Math.Max(b.High, price), Low = Math.Min(b.Low, price), Close = price, Volume = b.Volume + quantity, Value = b.Value + price * quantity };
            return;
        }

        if (_bars.Count == capacity)
        {
            _bars.RemoveAt(0);
        }

        _bars.Add(new Bar(kstMinute, price, price, price, price, quantity, price * quantity));
    }
}
