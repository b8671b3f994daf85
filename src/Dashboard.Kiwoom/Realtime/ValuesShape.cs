using System.Buffers.Binary;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The last key layout seen for one realtime type. Kiwoom sends a type's FIDs in the same order every time,
/// so the bytes between one value and the next (<c>,"11":"</c>) repeat from push to push. Once learnt, a values
/// object is read by checking each of those separators as a whole (one 64-bit compare when it is eight bytes or
/// fewer) and finding where the value ends, with the FIDs and their sorted places already known. A frame whose
/// layout differs makes <see cref="TryScan"/> give up and the caller scans it key by key (and learns the new
/// layout). Owned by one parser, so not thread-safe.
/// </summary>
internal sealed class ValuesShape
{
    /// <summary>
    /// The largest layout worth learning. Kiwoom's biggest type (0D, the order book) has under 100 FIDs; a push with
    /// thousands is not a layout that repeats, and learning it would only cost memory.
    /// </summary>
    public const int MaxFids = 512;

    private byte[] _separators = [];
    private int[] _separatorEnds = [];
    private ulong[] _words = [];
    private ulong[] _masks = [];
    private ushort[] _fids = [];
    private int[] _slots = [];
    private ulong[] _order = [];

    /// <summary>How many FIDs the layout has.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Reads the values object at <paramref name="pos"/> (its opening brace) if it has this layout, writing each
    /// row straight into its FID-sorted place in <paramref name="rows"/>; false, having changed nothing the
    /// caller relies on, when it does not.
    /// </summary>
    public bool TryScan(ReadOnlySpan<byte> f, ref int pos, RealtimeFrameParser.Row[] rows, out int used)
    {
        used = 0;
        var count = Count;
        if (rows.Length < count)
        {
            return false;
        }

        var p = pos;
        var bytes = 0;
        var separatorStart = 0;
        for (var i = 0; i < count; i++)
        {
            var separatorEnd = _separatorEnds[i];
            if (!Matches(f, p, i, separatorStart, separatorEnd))
            {
                return false;
            }

            p += separatorEnd - separatorStart;
            separatorStart = separatorEnd;
            var at = p;
            while ((uint)p < (uint)f.Length && f[p] != (byte)'"')
            {
                p++;
            }

            var length = p - at;
            if (p == f.Length || bytes + length > RealtimeValues.MaxValueBytes)
            {
                return false;
            }

            rows[_slots[i]] = new RealtimeFrameParser.Row(_fids[i], at, (ushort)length);
            bytes += length;
            p++;
        }

        // The layout must end here: another FID after these is a different layout.
        p = RealtimeFrameParser.SkipWhitespace(f, p);
        if ((uint)p >= (uint)f.Length || f[p] != (byte)'}')
        {
            return false;
        }

        pos = p + 1;
        used = bytes;
        return true;
    }

    /// <summary>
    /// Remembers the layout of a values object just read key by key: <paramref name="rows"/> in arrival order,
    /// <paramref name="openAt"/> the position of its opening brace. Reuses the arrays when they are large enough.
    /// </summary>
    public void Learn(ReadOnlySpan<byte> f, int openAt, ReadOnlySpan<RealtimeFrameParser.Row> rows)
    {
        var count = rows.Length;
        var separatorBytes = 0;
        var previousEnd = openAt;
        foreach (var row in rows)
        {
            separatorBytes += row.Start - previousEnd;
            previousEnd = row.Start + row.Length + 1;
        }

        Grow(ref _separators, separatorBytes);
        Grow(ref _separatorEnds, count);
        Grow(ref _words, count);
        Grow(ref _masks, count);
        Grow(ref _fids, count);
        Grow(ref _slots, count);

        var written = 0;
        previousEnd = openAt;
        for (var i = 0; i < count; i++)
        {
            var separator = f[previousEnd..rows[i].Start];
            separator.CopyTo(_separators.AsSpan(written));
            written += separator.Length;
            _separatorEnds[i] = written;
            (_words[i], _masks[i]) = WordOf(separator);
            _fids[i] = rows[i].Fid;
            previousEnd = rows[i].Start + rows[i].Length + 1;
        }

        // The sorted place of each arrival: its rank by FID, ties in arrival order (as the sort in BuildValues).
        // Rows written to these places arrive sorted, so that sort only confirms the order instead of moving rows.
        Grow(ref _order, count);
        var order = _order.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            order[i] = ((ulong)_fids[i] << 32) | (uint)i;
        }

        order.Sort();
        for (var rank = 0; rank < count; rank++)
        {
            _slots[(int)(uint)order[rank]] = rank;
        }

        Count = count;
    }

    private bool Matches(ReadOnlySpan<byte> f, int p, int i, int separatorStart, int separatorEnd)
    {
        var length = separatorEnd - separatorStart;
        if (length <= sizeof(ulong) && p + sizeof(ulong) <= f.Length)
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(f[p..]) & _masks[i]) == _words[i];
        }

        return f[p..].StartsWith(_separators.AsSpan(separatorStart, length));
    }

    /// <summary>The separator as a little-endian word and the mask of its bytes, for separators of up to eight bytes.</summary>
    private static (ulong Word, ulong Mask) WordOf(ReadOnlySpan<byte> separator)
    {
        if (separator.Length > sizeof(ulong))
        {
            return (0, 0);
        }

        Span<byte> padded = stackalloc byte[sizeof(ulong)];
        padded.Clear();
        separator.CopyTo(padded);
        var mask = separator.Length == sizeof(ulong) ? ulong.MaxValue : (1UL << (separator.Length * 8)) - 1;
        return (BinaryPrimitives.ReadUInt64LittleEndian(padded), mask);
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            array = new T[Math.Max(size, array.Length * 2)];
        }
    }
}
