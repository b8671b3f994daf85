namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>The most recent trades of one instrument, newest last, bounded so memory stays flat.</summary>
internal sealed class TradeRing(int capacity)
{
    private readonly Trade[] _items = new Trade[capacity];
    private int _start;

    public int Count { get; private set; }

    public void Add(Trade trade)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = trade;
            Count++;
            return;
        }

        _items[_start] = trade;
        _start = (_start + 1) % _items.Length;
    }

    /// <summary>Index 0 is the newest trade.</summary>
    public Trade FromNewest(int index) => _items[(_start + Count - 1 - index) % _items.Length];
}
