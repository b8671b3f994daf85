using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// The first check of the fast REAL scan, one vectorised pass over the frame: no backslash (so every string
/// ends at its next quote), no control character (so the frame is single-line JSON text), and valid UTF-8.
/// UTF-8 is validated only from the first to the last non-ASCII byte, the usual Korean type name: ASCII
/// around it is valid by definition and a sequence cannot span an ASCII byte.
/// </summary>
internal static class FramePrefilter
{
    public static bool IsPlainUtf8(ReadOnlySpan<byte> frame)
    {
        var firstNonAscii = -1;
        var lastNonAscii = -1;
        var at = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var backslash = Vector128.Create((byte)'\\');
            var firstPrintable = Vector128.Create((byte)' ');
            var firstNonAsciiByte = Vector128.Create((byte)0x80);
            ref var start = ref MemoryMarshal.GetReference(frame);
            for (; at <= frame.Length - Vector128<byte>.Count; at += Vector128<byte>.Count)
            {
                var chunk = Vector128.LoadUnsafe(ref start, (nuint)at);

                // Byte comparisons are unsigned: lead and continuation bytes (>= 0x80) are not control characters.
                if ((Vector128.Equals(chunk, backslash) | Vector128.LessThan(chunk, firstPrintable)) != Vector128<byte>.Zero)
                {
                    return false;
                }

                var nonAscii = Vector128.GreaterThanOrEqual(chunk, firstNonAsciiByte).ExtractMostSignificantBits();
                if (nonAscii != 0)
                {
                    if (firstNonAscii < 0)
                    {
                        firstNonAscii = at + BitOperations.TrailingZeroCount(nonAscii);
                    }

                    lastNonAscii = at + 31 - BitOperations.LeadingZeroCount(nonAscii);
                }
            }
        }

        for (; at < frame.Length; at++)
        {
            var b = frame[at];
            if (b == (byte)'\\' || b < (byte)' ')
            {
                return false;
            }

            if (b >= 0x80)
            {
                firstNonAscii = firstNonAscii < 0 ? at : firstNonAscii;
                lastNonAscii = at;
            }
        }

        return firstNonAscii < 0 || Utf8.IsValid(frame[firstNonAscii..(lastNonAscii + 1)]);
    }
}
