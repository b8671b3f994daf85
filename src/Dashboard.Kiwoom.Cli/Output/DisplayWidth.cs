using System.Globalization;
using System.Text;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// How many terminal columns text takes: East Asian wide and fullwidth characters (Hangul, CJK,
/// fullwidth forms) take two, combining marks none, everything else one (Unicode UAX #11).
/// </summary>
internal static class DisplayWidth
{
    // The wide (W) and fullwidth (F) ranges of EastAsianWidth.txt that occur in practice.
    private static readonly (int First, int Last)[] WideRanges =
    [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x2E80, 0x303E), (0x3041, 0x33FF),
        (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        (0x1F300, 0x1F64F), (0x1F900, 0x1F9FF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ];

    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            || rune.Value is >= 0x1160 and <= 0x11FF)
        {
            // Combining marks and Hangul medial/final jamo join the previous character.
            return 0;
        }

        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary>Pads <paramref name="text"/> with spaces to <paramref name="width"/> columns.</summary>
    public static string Pad(string text, int width, bool alignRight)
    {
        var missing = width - Of(text);
        if (missing <= 0)
        {
            return text;
        }

        return alignRight ? new string(' ', missing) + text : text + new string(' ', missing);
    }

    private static bool IsWide(int value)
    {
        foreach (var (first, last) in WideRanges)
        {
            if (value < first)
            {
                return false;
            }

            if (value <= last)
            {
                return true;
            }
        }

        return false;
    }
}
