using System.Buffers.Binary;
using System.Text;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The FID -> raw UTF-8 value table of one REAL entry, held in a single array so that a parsed
/// push costs one allocation: a count, then (fid, length, offset) rows of three 16-bit numbers
/// sorted by fid, then at most 64 KB of value bytes. Values are kept exactly as received.
/// </summary>
public readonly struct RealtimeValues
{
    internal const int HeaderSize = 2;
    internal const int RowSize = 6;

    /// <summary>The value bytes of one entry are addressed with 16-bit offsets.</summary>
    internal const int MaxValueBytes = ushort.MaxValue;

    private readonly byte[]? _data;

    internal RealtimeValues(byte[] data) => _data = data;

    /// <summary>How many FIDs the push carried.</summary>
    public int Count => _data is null ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(_data);

    /// <summary>The FID at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>), ascending.</summary>
    public int FidAt(int index) => BinaryPrimitives.ReadUInt16LittleEndian(Row(index));

    /// <summary>The raw value at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Utf8At(int index)
    {
        var row = Row(index);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(row[2..]);
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(row[4..]);
        return _data.AsSpan(HeaderSize + (Count * RowSize) + offset, length);
    }

    /// <summary>The FID and raw value of every row, in FID order, for one-pass mappers.</summary>
    internal RowEnumerator GetRows() => new(_data);

    public bool Contains(int fid) => IndexOf(fid) >= 0;

    /// <summary>The raw UTF-8 value of <paramref name="fid"/>; false when the push did not carry it.</summary>
    public bool TryGetUtf8(int fid, out ReadOnlySpan<byte> value)
    {
        var index = IndexOf(fid);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = Utf8At(index);
        return true;
    }

    /// <summary>The value as text (allocates); null when absent.</summary>
    public string? GetString(int fid) => TryGetUtf8(fid, out var raw) ? Encoding.UTF8.GetString(raw) : null;

    public SignedPrice? GetPrice(int fid) =>
        TryGetUtf8(fid, out var raw) && RealtimeValueParser.TryParsePrice(raw, out var v) ? v : null;

    public SignedDecimalPrice? GetDecimalPrice(int fid) =>
        TryGetUtf8(fid, out var raw) && RealtimeValueParser.TryParseDecimalPrice(raw, out var v) ? v : null;

    public long? GetInt64(int fid) =>
        TryGetUtf8(fid, out var raw) && RealtimeValueParser.TryParseInt64(raw, out var v) ? v : null;

    public decimal? GetDecimal(int fid) =>
        TryGetUtf8(fid, out var raw) && RealtimeValueParser.TryParseDecimal(raw, out var v) ? v : null;

    public TimeOnly? GetTime(int fid) =>
        TryGetUtf8(fid, out var raw) && RealtimeValueParser.TryParseTime(raw, out var v) ? v : null;

    public DateOnly? GetDate(int fid) =>
        TryGetUtf8(fid, out var raw) && RealtimeValueParser.TryParseDate(raw, out var v) ? v : null;

    public ChangeSignCode GetChangeSign(int fid) =>
        TryGetUtf8(fid, out var raw) ? RealtimeValueParser.ParseChangeSign(raw) : ChangeSignCode.Unknown;

    private ReadOnlySpan<byte> Row(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _data.AsSpan(HeaderSize + (index * RowSize), RowSize);
    }

    private int IndexOf(int fid)
    {
        var lo = 0;
        var hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var at = BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(HeaderSize + (mid * RowSize)));
            if (at == fid)
            {
                return mid;
            }

            if (at < fid)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
