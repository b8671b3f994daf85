using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The fast path for the shape nearly every push has: <c>{"trnm":"REAL","data":[{...},...]}</c> with
/// trnm first, string-only entry fields and FID values, no escapes and no line breaks. A general JSON reader spends
/// most of its time on cases this shape never has; scanning it directly is several times cheaper. On top of that,
/// each type's last key layout is remembered (<see cref="ValuesShape"/>), so a push laid out like the previous one of
/// its type is read separator by separator instead of key by key.
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

    /// <summary>How many entries were read through a learnt <see cref="ValuesShape"/>, so tests can tell it really ran.</summary>
    internal long ShapeEntries { get; private set; }

    /// <summary>The last values layout of each known type, for <see cref="ValuesShape.TryScan"/>.</summary>
    private readonly ValuesShape?[] _shapes = new ValuesShape?[KnownTypes.Length];

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
        // Escapes, multi-line frames and invalid UTF-8 are rare enough to leave to the general path.
        if (!FramePrefilter.IsPlainUtf8(f))
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
        DateTimeOffset? emittedAt = null;
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
                if (!TryScanValues(f, ref pos, typeIndex, ref rowCount, ref used))
                {
                    return false;
                }

                continue;
            }

            if (!TryString(f, ref pos, out var at, out var length))
            {
                return false;
            }

            // Other string fields are ignored, as on the general path, except the simulator's emit time.
            var value = f.Slice(at, length);
            if (key == 0 && f.Slice(keyAt, keyLength).SequenceEqual(EmitKey))
            {
                emittedAt = ParseEmitTime(value);
                continue;
            }

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

        events.Add(new RealtimeEvent(type, name ?? string.Empty, item ?? string.Empty, BuildValues(f, rowCount, used), receivedAt)
        {
            EmittedAt = emittedAt,
        });
        return true;
    }

    /// <summary>
    /// The values object, <c>{"fid":"value",...}</c>: through the type's learnt layout when the push has it,
    /// otherwise key by key, learning the layout for the next push of the type.
    /// </summary>
    private bool TryScanValues(ReadOnlySpan<byte> f, ref int pos, int typeIndex, ref int rowCount, ref int used)
    {
        if (!Expect(f, ref pos, (byte)'{'))
        {
            return false;
        }

        // The type usually comes before the values: then its last layout is tried first.
        var openAt = pos - 1;
        var shape = typeIndex >= 0 ? _shapes[typeIndex] : null;
        var shapeEnd = openAt;
        if (shape is { Count: > 0 } && shape.TryScan(f, ref shapeEnd, _rows, out var shapeBytes))
        {
            ShapeEntries++;
            pos = shapeEnd;
            rowCount = shape.Count;
            used = shapeBytes;
            return true;
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

        if (!Expect(f, ref pos, (byte)'}'))
        {
            return false;
        }

        // The values key appears once per entry (a second one gives up), so the rows so far are exactly these.
        if (typeIndex >= 0 && rowCount <= ValuesShape.MaxFids)
        {
            (_shapes[typeIndex] ??= new ValuesShape()).Learn(f, openAt, _rows.AsSpan(0, rowCount));
        }

        return true;
    }

    private static int KeyOf(ReadOnlySpan<byte> key)
    {
        // Four-byte keys compared as one word each: this runs for every entry field of every push.
        if (key.Length == 4)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(key) switch
            {
                TypeWord => TypeKey,
                NameWord => NameKey,
                ItemWord => ItemKey,
                _ => 0,
            };
        }

        return key.SequenceEqual("values"u8) ? ValuesKey : 0;
    }

    private const uint TypeWord = 't' | ('y' << 8) | ('p' << 16) | ((uint)'e' << 24);
    private const uint NameWord = 'n' | ('a' << 8) | ('m' << 16) | ((uint)'e' << 24);
    private const uint ItemWord = 'i' | ('t' << 8) | ('e' << 16) | ((uint)'m' << 24);

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
    internal static int SkipWhitespace(ReadOnlySpan<byte> f, int pos)
    {
        while (pos < f.Length && f[pos] == (byte)' ')
        {
            pos++;
        }

        return pos;
    }
}
