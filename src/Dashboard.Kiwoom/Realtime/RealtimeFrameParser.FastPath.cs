using System.Runtime.CompilerServices;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The fast path for the shape nearly every push has: <c>{"trnm":"REAL","data":[{...},...]}</c> with
/// trnm first, string-only entry fields and FID values, no escapes and no line breaks. A general JSON reader spends
/// most of its time on cases this shape never has; scanning it directly is several times cheaper.
/// Anything else (escapes, numbers, duplicates, another key order, a bad FID, an empty list, malformed
/// text) makes the scan give up, having added nothing, and the frame goes through the
/// <see cref="System.Text.Json.Utf8JsonReader"/> path, which owns every error message.
/// </summary>
public sealed partial class RealtimeFrameParser
{
    private const int TypeKey = 1;
    private const int NameKey = 2;
    private const int ItemKey = 4;
    private const int ValuesKey = 8;

    /// <summary>Tests switch the fast path off to compare it with the general path.</summary>
    internal bool FastPathEnabled { get; init; } = true;

    /// <summary>How many frames the fast path has handled, so tests can tell it really ran.</summary>
    internal long FastPathFrames { get; private set; }

    private bool TryParseRealFast(ReadOnlySpan<byte> frame, List<RealtimeEvent> events)
    {
        var firstNew = events.Count;
        if (TryScanReal(frame, events))
        {
            FastPathFrames++;
            return true;
        }

        events.RemoveRange(firstNew, events.Count - firstNew);
        return false;
    }

    private bool TryScanReal(ReadOnlySpan<byte> f, List<RealtimeEvent> events)
    {
        // Without a backslash or a control character anywhere (two vectorised passes), every string ends at
        // its next quote. Escapes and multi-line frames are rare enough to leave to the general path.
        if (f.IndexOf((byte)'\\') >= 0 || f.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
        {
            return false;
        }

        var pos = 0;
        if (!Expect(f, ref pos, (byte)'{') || !ExpectKey(f, ref pos, "trnm"u8)
            || !TryString(f, ref pos, out var trnmAt, out var trnmLength) || !f.Slice(trnmAt, trnmLength).SequenceEqual("REAL"u8)
            || !Expect(f, ref pos, (byte)',') || !ExpectKey(f, ref pos, "data"u8) || !Expect(f, ref pos, (byte)'['))
        {
            return false;
        }

        var receivedAt = _time.GetUtcNow();
        do
        {
            if (!Expect(f, ref pos, (byte)'{') || !TryScanEntry(f, ref pos, events, receivedAt))
            {
                return false;
            }
        }
        while (Expect(f, ref pos, (byte)','));

        return Expect(f, ref pos, (byte)']') && Expect(f, ref pos, (byte)'}') && SkipWhitespace(f, pos) == f.Length;
    }

    private bool TryScanEntry(ReadOnlySpan<byte> f, ref int pos, List<RealtimeEvent> events, DateTimeOffset receivedAt)
    {
        var seen = 0;
        var typeIndex = -1;
        string? type = null;
        string? name = null;
        string? item = null;
        var rowCount = 0;
        var used = 0;
        do
        {
            if (!TryString(f, ref pos, out var keyAt, out var keyLength) || !Expect(f, ref pos, (byte)':'))
            {
                return false;
            }

            var key = KeyOf(f.Slice(keyAt, keyLength));
            if ((seen & key) != 0)
            {
                return false;
            }

            seen |= key;
            if (key == ValuesKey)
            {
                if (!TryScanValues(f, ref pos, ref rowCount, ref used))
                {
                    return false;
                }

                continue;
            }

            if (!TryString(f, ref pos, out var at, out var length))
            {
                return false;
            }

            // Other string fields (the simulator's emit time) are ignored, as on the general path.
            var value = f.Slice(at, length);
            if (key == TypeKey && (type = MatchType(value, out typeIndex)) is null)
            {
                return false;
            }

            if (key == NameKey)
            {
                name = NameOf(value, typeIndex);
            }
            else if (key == ItemKey)
            {
                item = ItemOf(value);
            }
        }
        while (Expect(f, ref pos, (byte)','));

        if (!Expect(f, ref pos, (byte)'}') || type is null)
        {
            return false;
        }

        events.Add(new RealtimeEvent(type, name ?? string.Empty, item ?? string.Empty, BuildValues(f, rowCount, used), receivedAt));
        return true;
    }

    private bool TryScanValues(ReadOnlySpan<byte> f, ref int pos, ref int rowCount, ref int used)
    {
        if (!Expect(f, ref pos, (byte)'{'))
        {
            return false;
        }

        do
        {
            if (!TryString(f, ref pos, out var keyAt, out var keyLength) || !TryParseFid(f.Slice(keyAt, keyLength), out var fid)
                || !Expect(f, ref pos, (byte)':') || !TryString(f, ref pos, out var at, out var length)
                || used + length > RealtimeValues.MaxValueBytes || rowCount == ushort.MaxValue)
            {
                return false;
            }

            AddRow(ref rowCount, new Row((ushort)fid, at, (ushort)length));
            used += length;
        }
        while (Expect(f, ref pos, (byte)','));

        return Expect(f, ref pos, (byte)'}');
    }

    private static int KeyOf(ReadOnlySpan<byte> key)
    {
        if (key.SequenceEqual("type"u8))
        {
            return TypeKey;
        }

        if (key.SequenceEqual("name"u8))
        {
            return NameKey;
        }

        if (key.SequenceEqual("item"u8))
        {
            return ItemKey;
        }

        return key.SequenceEqual("values"u8) ? ValuesKey : 0;
    }

    private static bool ExpectKey(ReadOnlySpan<byte> f, ref int pos, ReadOnlySpan<byte> key) =>
        TryString(f, ref pos, out var at, out var length) && f.Slice(at, length).SequenceEqual(key) && Expect(f, ref pos, (byte)':');

    /// <summary>A string after optional whitespace (the frame has no escapes); its content is f[start..start+length].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryString(ReadOnlySpan<byte> f, ref int pos, out int start, out int length)
    {
        pos = SkipWhitespace(f, pos);
        start = pos + 1;
        length = 0;
        if (pos >= f.Length || f[pos] != (byte)'"')
        {
            return false;
        }

        // Keys and values are a few bytes long: a plain loop beats a vectorised search at that size.
        var end = start;
        while (end < f.Length && f[end] != (byte)'"')
        {
            end++;
        }

        if (end == f.Length)
        {
            return false;
        }

        length = end - start;
        pos = end + 1;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Expect(ReadOnlySpan<byte> f, ref int pos, byte token)
    {
        pos = SkipWhitespace(f, pos);
        if (pos < f.Length && f[pos] == token)
        {
            pos++;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> f, int pos)
    {
        while (pos < f.Length && f[pos] == (byte)' ')
        {
            pos++;
        }

        return pos;
    }
}
