using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Reads WebSocket messages with <see cref="Utf8JsonReader"/>: classifies the <c>trnm</c> and turns
/// REAL entries into <see cref="RealtimeEvent"/>s. One allocation per entry for the values table plus
/// the event; type codes, names and item codes are cached. Not thread-safe: one per receive loop.
/// Malformed input never throws; it is reported through the <c>problem</c> out parameter.
/// </summary>
public sealed partial class RealtimeFrameParser
{
    private static ReadOnlySpan<byte> EmitKey => "emit_ts"u8;

    private const int MaxCachedItems = 4096;
    private const int ItemSlotBits = 10;
    private const int MaxFid = ushort.MaxValue;

    private static readonly string[] KnownTypes = [.. RealtimeTypes.Registrable, RealtimeTypes.Condition];
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly TimeProvider _time;
    private readonly (byte[] Utf8, string Text)?[] _names = new (byte[], string)?[KnownTypes.Length];
    private readonly Dictionary<string, string> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _itemLookup;
    private readonly (ulong Key, string? Item)[] _itemSlots = new (ulong, string?)[1 << ItemSlotBits];
    private Row[] _rows = new Row[64];
    private byte[] _scratch = new byte[2048];

    public RealtimeFrameParser(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _itemLookup = _items.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Classifies <paramref name="frame"/> and, for REAL, appends its entries to <paramref name="events"/>.
    /// A malformed frame adds no events; a bad entry inside a good frame is skipped and named in
    /// <paramref name="problem"/>.
    /// </summary>
    public RealtimeMessageKind Parse(ReadOnlySpan<byte> frame, List<RealtimeEvent> events, out string? problem)
    {
        problem = null;

        // The fast path validates UTF-8 itself, so it comes first.
        if (FastPathEnabled && TryParseRealFast(frame, events))
        {
            return RealtimeMessageKind.Real;
        }

        if (!System.Text.Unicode.Utf8.IsValid(frame))
        {
            problem = "The message is not valid UTF-8.";
            return RealtimeMessageKind.Malformed;
        }

        var firstNew = events.Count;
        try
        {
            return ParseCore(frame, events, ref problem);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // GetString/CopyString throw InvalidOperationException for escapes that decode to
            // invalid UTF-16 (lone surrogates): that is malformed input too, not a bug here.
            events.RemoveRange(firstNew, events.Count - firstNew);
            problem = ex.Message;
            return RealtimeMessageKind.Malformed;
        }
    }

    private static RealtimeMessageKind Classify(ReadOnlySpan<byte> trnm) => trnm switch
    {
        _ when trnm.SequenceEqual("REAL"u8) => RealtimeMessageKind.Real,
        _ when trnm.SequenceEqual("PING"u8) => RealtimeMessageKind.Ping,
        _ when trnm.SequenceEqual("LOGIN"u8) => RealtimeMessageKind.Login,
        _ when trnm.SequenceEqual("SYSTEM"u8) => RealtimeMessageKind.System,
        _ when trnm.SequenceEqual("REG"u8) => RealtimeMessageKind.Register,
        _ when trnm.SequenceEqual("REMOVE"u8) => RealtimeMessageKind.Remove,
        _ when trnm.SequenceEqual("CNSRLST"u8) => RealtimeMessageKind.ConditionList,
        _ when trnm.SequenceEqual("CNSRREQ"u8) => RealtimeMessageKind.ConditionSearch,
        _ when trnm.SequenceEqual("CNSRCLR"u8) => RealtimeMessageKind.ConditionClear,
        _ => RealtimeMessageKind.Unknown,
    };

    private RealtimeMessageKind ParseCore(ReadOnlySpan<byte> frame, List<RealtimeEvent> events, ref string? problem)
    {
        var reader = new Utf8JsonReader(frame, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "The message is not a JSON object.";
            return RealtimeMessageKind.Malformed;
        }

        var kind = RealtimeMessageKind.Malformed;
        var trnmSeen = false;
        var dataBeforeTrnm = false;
        var savedData = default(Utf8JsonReader);
        var receivedAt = default(DateTimeOffset);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("trnm"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                {
                    reader.Skip();
                    continue;
                }

                kind = Classify(reader.ValueSpan);
                trnmSeen = true;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (trnmSeen && kind == RealtimeMessageKind.Real)
                {
                    receivedAt = _time.GetUtcNow();
                    ReadEntries(ref reader, events, receivedAt, ref problem);
                }
                else
                {
                    // trnm may come after data (key order is not significant): keep a copy of the
                    // reader at data and come back to it once trnm says REAL.
                    if (!trnmSeen)
                    {
                        savedData = reader;
                        dataBeforeTrnm = true;
                    }

                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Reading past the end makes the reader reject truncated input and trailing garbage.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("The message has content after its JSON object.");
        }

        if (!trnmSeen)
        {
            problem = "The message has no string trnm.";
            return RealtimeMessageKind.Malformed;
        }

        if (kind == RealtimeMessageKind.Real && dataBeforeTrnm)
        {
            ReadEntries(ref savedData, events, _time.GetUtcNow(), ref problem);
        }

        return kind;
    }

    private void ReadEntries(ref Utf8JsonReader reader, List<RealtimeEvent> events, DateTimeOffset receivedAt, ref string? problem)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadEntry(ref reader, events, receivedAt, ref problem);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problem = "REAL data is neither a list nor an object.";
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadEntry(ref reader, events, receivedAt, ref problem);
            }
            else
            {
                problem = "A REAL entry is not an object.";
                reader.Skip();
            }
        }
    }

    private void ReadEntry(ref Utf8JsonReader reader, List<RealtimeEvent> events, DateTimeOffset receivedAt, ref string? problem)
    {
        var rowCount = 0;
        var used = 0;
        var typeIndex = -1;
        string? type = null;
        string? name = null;
        string? item = null;
        DateTimeOffset? emittedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    type = ReadType(ref reader, out typeIndex);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = reader.TokenType == JsonTokenType.String ? ReadName(ref reader, typeIndex) : SkipToNull(ref reader);
            }
            else if (reader.ValueTextEquals("item"u8))
            {
                reader.Read();
                item = reader.TokenType == JsonTokenType.String ? ReadItem(ref reader) : SkipToNull(ref reader);
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                ReadValues(ref reader, ref rowCount, ref used, ref problem);
            }
            else if (reader.ValueTextEquals(EmitKey))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    emittedAt = ParseEmitTime(reader.ValueSpan);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                // Unknown entry fields are ignored.
                reader.Read();
                reader.Skip();
            }
        }

        if (type is null)
        {
            problem = "A REAL entry has no type.";
            return;
        }

        // A name read before the type could not use the per-type cache; that is only a missed saving.
        events.Add(new RealtimeEvent(type, name ?? string.Empty, item ?? string.Empty, BuildValues(_scratch, rowCount, used), receivedAt)
        {
            EmittedAt = emittedAt,
        });
    }

    /// <summary>The simulator's emit time (<c>emit_ts</c>, Unix milliseconds as a string); anything else reads as absent.</summary>
    private static DateTimeOffset? ParseEmitTime(ReadOnlySpan<byte> value) =>
        System.Buffers.Text.Utf8Parser.TryParse(value, out long ms, out var used) && used == value.Length
            && ms is > 0 and < 253_402_300_800_000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private void ReadValues(ref Utf8JsonReader reader, ref int rowCount, ref int used, ref string? problem)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            // One third-party client has seen the values object wrapped in a list.
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ReadValues(ref reader, ref rowCount, ref used, ref problem);
            }

            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "REAL values is not an object.";
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var fid = 0;
            var fidOk = !reader.ValueIsEscaped && TryParseFid(reader.ValueSpan, out fid);
            reader.Read();
            if (!fidOk)
            {
                problem = "A REAL value has a key that is not a field id.";
                reader.Skip();
                continue;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    var length = reader.TokenType == JsonTokenType.Null ? 0 : reader.ValueSpan.Length;
                    if (used + length > RealtimeValues.MaxValueBytes)
                    {
                        problem = $"FID {fid} does not fit: an entry holds at most {RealtimeValues.MaxValueBytes} bytes of values.";
                        continue;
                    }

                    if (rowCount == ushort.MaxValue)
                    {
                        problem = "A REAL entry has more fields than a values table holds.";
                        continue;
                    }

                    EnsureScratch(used + length);
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        length = reader.ValueIsEscaped ? reader.CopyString(_scratch.AsSpan(used)) : Copy(reader.ValueSpan, _scratch.AsSpan(used));
                    }

                    AddRow(ref rowCount, new Row((ushort)fid, used, (ushort)length));
                    used += length;
                    break;
                default:
                    problem = $"FID {fid} has a nested value.";
                    reader.Skip();
                    break;
            }
        }
    }

    private static bool TryParseFid(ReadOnlySpan<byte> name, out int fid)
    {
        fid = 0;
        if (name.Length is 0 or > 5)
        {
            return false;
        }

        foreach (var b in name)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            fid = (fid * 10) + digit;
        }

        return fid <= MaxFid;
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private static string? SkipToNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static string ReadType(ref Utf8JsonReader reader, out int typeIndex)
    {
        typeIndex = -1;
        return (reader.ValueIsEscaped ? null : MatchType(reader.ValueSpan, out typeIndex)) ?? reader.GetString()!;
    }

    /// <summary>The cached code of a known type, or null.</summary>
    private static string? MatchType(ReadOnlySpan<byte> span, out int typeIndex)
    {
        if (span.Length == 2)
        {
            for (var i = 0; i < KnownTypes.Length; i++)
            {
                var known = KnownTypes[i];
                if (span[0] == known[0] && span[1] == known[1])
                {
                    typeIndex = i;
                    return known;
                }
            }
        }

        typeIndex = -1;
        return null;
    }

    private string ReadName(ref Utf8JsonReader reader, int typeIndex) =>
        reader.ValueIsEscaped ? RememberName(reader.GetString()!, typeIndex) : NameOf(reader.ValueSpan, typeIndex);

    /// <summary>The name from unescaped UTF-8, reusing the string last seen for the type.</summary>
    private string NameOf(ReadOnlySpan<byte> raw, int typeIndex)
    {
        if (typeIndex >= 0 && _names[typeIndex] is { } cached && raw.SequenceEqual(cached.Utf8))
        {
            return cached.Text;
        }

        return RememberName(Encoding.UTF8.GetString(raw), typeIndex);
    }

    private string RememberName(string name, int typeIndex)
    {
        if (typeIndex >= 0)
        {
            _names[typeIndex] = (Encoding.UTF8.GetBytes(name), name);
        }

        return name;
    }

    private string ReadItem(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? reader.GetString()! : ItemOf(reader.ValueSpan);

    /// <summary>The item from unescaped UTF-8, interned so that a busy item costs no allocation.</summary>
    private string ItemOf(ReadOnlySpan<byte> raw)
    {
        // Stock and sector codes are short ASCII ("005930", "A005930", "001"): packed into one word with their
        // length they pick a slot of a small direct-mapped table, which saves transcoding and hashing the
        // characters for the dictionary on every push.
        if (raw.Length is > 0 and < sizeof(ulong))
        {
            var key = (ulong)raw.Length << 56;
            for (var i = 0; i < raw.Length; i++)
            {
                key |= (ulong)raw[i] << (i * 8);
            }

            if ((key & 0x0080808080808080) == 0)
            {
                ref var slot = ref _itemSlots[(int)((key * 0x9E3779B97F4A7C15) >> (64 - ItemSlotBits))];
                if (slot.Key != key || slot.Item is null)
                {
                    slot = (key, InternItem(raw));
                }

                return slot.Item;
            }
        }

        return InternItem(raw);
    }

    private string InternItem(ReadOnlySpan<byte> raw)
    {
        Span<char> chars = stackalloc char[32];
        if (raw.Length > chars.Length || !Encoding.UTF8.TryGetChars(raw, chars, out var written))
        {
            return Encoding.UTF8.GetString(raw);
        }

        chars = chars[..written];
        if (_itemLookup.TryGetValue(chars, out var cached))
        {
            return cached;
        }

        if (_items.Count >= MaxCachedItems)
        {
            _items.Clear();
        }

        var item = new string(chars);
        _items[item] = item;
        return item;
    }

    private void AddRow(ref int rowCount, Row row)
    {
        if (rowCount == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[rowCount++] = row;
    }

    /// <summary>
    /// Puts the rows in FID order (the table is binary-searched). Kiwoom sends each type's FIDs in one fixed,
    /// unsorted order, so for the usual few dozen rows a plain insertion sort over packed 64-bit keys is the
    /// cheapest fit; equal FIDs keep their arrival order because the key's next bits are the value's position.
    /// </summary>
    private static void SortRows(Span<Row> rows)
    {
        // Insertion sort is quadratic in the worst case: a push with hundreds of FIDs in reverse order (no real type
        // has that many, but a hostile or broken peer can send one) gets the general sort.
        if (rows.Length > 64)
        {
            rows.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            return;
        }

        for (var i = 1; i < rows.Length; i++)
        {
            var row = rows[i];
            var at = i;
            while (at > 0 && rows[at - 1].Key > row.Key)
            {
                rows[at] = rows[at - 1];
                at--;
            }

            rows[at] = row;
        }
    }

    private void EnsureScratch(int size)
    {
        if (size > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(size, _scratch.Length * 2));
        }
    }

    /// <summary>One array for the entry; rows point into <paramref name="source"/> (the scratch buffer or the frame).</summary>
    private RealtimeValues BuildValues(ReadOnlySpan<byte> source, int rowCount, int used)
    {
        var rows = _rows.AsSpan(0, rowCount);
        SortRows(rows);
        var valuesAt = RealtimeValues.HeaderSize + (rowCount * RealtimeValues.RowSize);
        var data = GC.AllocateUninitializedArray<byte>(valuesAt + used);
        var table = data.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(table, (ushort)rowCount);
        var rowAt = RealtimeValues.HeaderSize;
        var cursor = 0;
        foreach (var row in rows)
        {
            var length = row.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(table[rowAt..], row.Fid | ((uint)length << 16));
            BinaryPrimitives.WriteUInt16LittleEndian(table[(rowAt + 4)..], (ushort)cursor);
            CopyValue(source, row.Start, length, table, valuesAt + cursor);
            rowAt += RealtimeValues.RowSize;
            cursor += length;
        }

        return new RealtimeValues(data);
    }

    /// <summary>
    /// Copies one value. Values are a few bytes long, so where both sides have room a single 16-byte vector
    /// move replaces the call to the general copy; the bytes it writes past the value are overwritten by the
    /// next value or lie inside the table's value area, which ends with the last value copied the general way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyValue(ReadOnlySpan<byte> source, int start, int length, Span<byte> table, int at)
    {
        if (length <= Vector128<byte>.Count && start + Vector128<byte>.Count <= source.Length && at + Vector128<byte>.Count <= table.Length)
        {
            Vector128.Create(source.Slice(start, Vector128<byte>.Count)).CopyTo(table[at..]);
            return;
        }

        source.Slice(start, length).CopyTo(table[at..]);
    }

    /// <summary>A FID and where its value lies, packed so that ordering the keys orders by FID, then by position.</summary>
    internal readonly struct Row(ushort fid, int start, ushort length)
    {
        public readonly ulong Key = ((ulong)fid << 48) | ((ulong)(uint)start << 16) | length;

        public ushort Fid => (ushort)(Key >> 48);

        public int Start => (int)(uint)(Key >> 16);

        public ushort Length => (ushort)Key;
    }
}
