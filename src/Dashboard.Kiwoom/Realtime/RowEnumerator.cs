using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Walks the rows of a <see cref="RealtimeValues"/> table reading the count once, so a mapper that
/// visits every row (<see cref="TradeTick.From"/>) pays one bounds check per row instead of several.
/// </summary>
internal ref struct RowEnumerator
{
    private readonly ReadOnlySpan<byte> _rows;
    private readonly ReadOnlySpan<byte> _values;
    private int _at = -RealtimeValues.RowSize;

    internal RowEnumerator(byte[]? data)
    {
        if (data is null)
        {
            // default(RealtimeValues): no rows.
            return;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var valuesAt = RealtimeValues.HeaderSize + (count * RealtimeValues.RowSize);
        _rows = data.AsSpan(RealtimeValues.HeaderSize, valuesAt - RealtimeValues.HeaderSize);
        _values = data.AsSpan(valuesAt);
    }

    public int Fid { get; private set; }

    public ReadOnlySpan<byte> Value { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        _at += RealtimeValues.RowSize;
        if (_at >= _rows.Length)
        {
            return false;
        }

        var row = _rows.Slice(_at, RealtimeValues.RowSize);
        Fid = BinaryPrimitives.ReadUInt16LittleEndian(row);
        Value = _values.Slice(BinaryPrimitives.ReadUInt16LittleEndian(row[4..]), BinaryPrimitives.ReadUInt16LittleEndian(row[2..]));
        return true;
    }
}
