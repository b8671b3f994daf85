using System.Globalization;

namespace Dashboard.LoadTest;

/// <summary>
/// The one reader of the bench's command lines (<c>bench ...</c> and <c>chromium ...</c>): "--name value" options,
/// "--flag" switches and bare words, each handed to its own callback; numbers in the invariant culture, lists
/// comma-separated. Returns the first problem as a sentence for the usage line, or null.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, Action<string>> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action> flags = new(StringComparer.Ordinal);

    /// <summary>An option that takes a value; the callback may throw <see cref="FormatException"/> on a bad one.</summary>
    public BenchArguments Value(string name, Action<string> read)
    {
        values[name] = read;
        return this;
    }

    public BenchArguments Flag(string name, Action set)
    {
        flags[name] = set;
        return this;
    }

    /// <param name="word">Called for anything that is not a known option; returns a problem, or null when it took the word.</param>
    public string? Read(IReadOnlyList<string> args, Func<string, string?> word)
    {
        for (var k = 0; k < args.Count; k++)
        {
            var arg = args[k];
            if (flags.TryGetValue(arg, out var set))
            {
                set();
                continue;
            }

            if (!values.TryGetValue(arg, out var read))
            {
                if (word(arg) is { } problem)
                {
                    return problem;
                }

                continue;
            }

            if (k + 1 >= args.Count)
            {
                return $"bad value: {arg} needs a value";
            }

            try
            {
                read(args[++k]);
            }
            catch (FormatException ex)
            {
                return $"bad value for {arg}: {ex.Message}";
            }
            catch (OverflowException)
            {
                return $"bad value for {arg}: '{args[k]}' is out of range";
            }
        }

        return null;
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static int Whole(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static int[] Wholes(string text) => [.. text.Split(',').Select(Whole)];
}
