using System.Buffers.Text;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Converts the raw UTF-8 value strings of realtime pushes into typed values without allocating.
/// Every method returns false (or null) for an empty or malformed value: no silent zeros.
/// </summary>
public static class RealtimeValueParser
{
    /// <summary>"+60700", "-20800", " 67300", "20850": magnitude plus direction.</summary>
    public static bool TryParsePrice(ReadOnlySpan<byte> raw, out SignedPrice price)
    {
        var direction = SplitDirection(ref raw);
        if (TryParseDigits(raw, out var value))
        {
            price = new SignedPrice(value, direction);
            return true;
        }

        price = default;
        return false;
    }

    /// <summary>"-1762.61": decimal magnitude plus direction (index values, NAV).</summary>
    public static bool TryParseDecimalPrice(ReadOnlySpan<byte> raw, out SignedDecimalPrice price)
    {
        var direction = SplitDirection(ref raw);
        if (TryParseUnsignedDecimal(raw, negative: false, out var value))
        {
            price = new SignedDecimalPrice(value, direction);
            return true;
        }

        price = default;
        return false;
    }

    /// <summary>A true arithmetic integer: "-50", "+131995", "000000001", " 0".</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> raw, out long value)
    {
        raw = Trim(raw);
        var negative = false;
        if (raw.Length > 0 && raw[0] is (byte)'+' or (byte)'-')
        {
            negative = raw[0] == (byte)'-';
            raw = raw[1..];
        }

        if (!TryParseDigits(raw, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>A true arithmetic decimal: "+28.97", "-0.24", "36.67", " 0.00".</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> raw, out decimal value)
    {
        raw = Trim(raw);
        var negative = false;
        if (raw.Length > 0 && raw[0] is (byte)'+' or (byte)'-')
        {
            negative = raw[0] == (byte)'-';
            raw = raw[1..];
        }

        return TryParseUnsignedDecimal(raw, negative, out value);
    }

    /// <summary>"HHMMSS" or "HH:mm:ss" in Korea time.</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> raw, out TimeOnly time)
    {
        raw = Trim(raw);
        time = default;
        int minuteAt, secondAt;
        if (raw.Length == 6)
        {
            (minuteAt, secondAt) = (2, 4);
        }
        else if (raw.Length == 8 && raw[2] == (byte)':' && raw[5] == (byte)':')
        {
            (minuteAt, secondAt) = (3, 6);
        }
        else
        {
            return false;
        }

        if (!TwoDigits(raw, 0, out var h) || !TwoDigits(raw, minuteAt, out var m) || !TwoDigits(raw, secondAt, out var s))
        {
            return false;
        }

        if (h > 23 || m > 59 || s > 59)
        {
            return false;
        }

        time = new TimeOnly(h, m, s);
        return true;
    }

    /// <summary>"YYYYMMDD"; "00000000" means no date and returns false.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> raw, out DateOnly date)
    {
        raw = Trim(raw);
        date = default;
        if (raw.Length != 8 || !TryParseDigits(raw[..4], out var y) || !TwoDigits(raw, 4, out var m) || !TwoDigits(raw, 6, out var d))
        {
            return false;
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth((int)y, m))
        {
            return false;
        }

        date = new DateOnly((int)y, m, d);
        return true;
    }

    /// <summary>The 1-5 change-sign code.</summary>
    public static ChangeSignCode ParseChangeSign(ReadOnlySpan<byte> raw)
    {
        raw = Trim(raw);
        return raw.Length == 1 && raw[0] is >= (byte)'1' and <= (byte)'5' ? (ChangeSignCode)(raw[0] - '0') : ChangeSignCode.Unknown;
    }

    internal static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> raw)
    {
        var start = 0;
        while (start < raw.Length && raw[start] == (byte)' ')
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && raw[end - 1] == (byte)' ')
        {
            end--;
        }

        return raw[start..end];
    }

    private static PriceDirection SplitDirection(ref ReadOnlySpan<byte> raw)
    {
        raw = Trim(raw);
        if (raw.Length == 0)
        {
            return PriceDirection.Flat;
        }

        var direction = raw[0] switch
        {
            (byte)'+' => PriceDirection.Up,
            (byte)'-' => PriceDirection.Down,
            _ => PriceDirection.Flat,
        };
        if (direction != PriceDirection.Flat)
        {
            raw = Trim(raw[1..]);
        }

        return direction;
    }

    // Kiwoom decimals are short fixed-point strings; building the decimal from a long mantissa
    // and a scale is several times faster than a general decimal parser. Longer input falls back.
    private static bool TryParseUnsignedDecimal(ReadOnlySpan<byte> raw, bool negative, out decimal value)
    {
        value = 0;
        if (raw.Length == 0 || (uint)(raw[0] - '0') > 9)
        {
            return false;
        }

        long mantissa = 0;
        var digits = 0;
        var scale = -1;
        foreach (var b in raw)
        {
            var digit = b - '0';
            if ((uint)digit <= 9)
            {
                if (++digits > 18)
                {
                    return TryParseLongDecimal(raw, negative, out value);
                }

                mantissa = (mantissa * 10) + digit;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (b == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative && mantissa != 0, (byte)Math.Max(scale, 0));
        return true;
    }

    private static bool TryParseLongDecimal(ReadOnlySpan<byte> raw, bool negative, out decimal value)
    {
        if (Utf8Parser.TryParse(raw, out value, out var consumed) && consumed == raw.Length)
        {
            value = negative ? -value : value;
            return true;
        }

        value = 0;
        return false;
    }

    private static bool TryParseDigits(ReadOnlySpan<byte> raw, out long value)
    {
        value = 0;
        if (raw.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in raw)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<byte> raw, int at, out int value)
    {
        var hi = raw[at] - '0';
        var lo = raw[at + 1] - '0';
        value = (hi * 10) + lo;
        return (uint)hi <= 9 && (uint)lo <= 9;
    }
}
