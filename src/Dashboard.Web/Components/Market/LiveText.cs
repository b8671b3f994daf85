using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Web.Shell;

namespace Dashboard.Web.Components.Market;

/// <summary>
/// The text of live values, formatted once per value for the whole process: every circuit showing the same
/// price, change or rate gets the same string instead of formatting (and keeping) its own copy on every
/// render. Prices walk within a narrow band, so a few thousand entries cover a day; a full cache is emptied
/// and refilled rather than grown.
/// </summary>
public static class LiveText
{
    private const int Most = 16_384;
    private static readonly Cache<long> Won = new(Krw.Format);
    private static readonly Cache<long> SignedWonCache = new(won => won.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture));
    private static readonly Cache<decimal> Rates = new(Percent.Signed);

    /// <summary>"1,234" (<see cref="Krw.Format"/>).</summary>
    public static string Price(long won) => Won.Get(won);

    /// <summary>"+1,234", "-500", "0".</summary>
    public static string SignedWon(long won) => SignedWonCache.Get(won);

    /// <summary>"+1.23%" (<see cref="Percent.Signed"/>).</summary>
    public static string Rate(decimal rate) => Rates.Get(rate);

    private sealed class Cache<TKey>(Func<TKey, string> format)
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, string> texts = new();
        private int count;

        public string Get(TKey key)
        {
            if (texts.TryGetValue(key, out var text))
            {
                return text;
            }

            text = format(key);
            if (Interlocked.Increment(ref count) > Most)
            {
                // Racing adders may each clear once; the cache only ever costs a re-format, never a wrong text.
                texts.Clear();
                Interlocked.Exchange(ref count, 1);
            }

            texts.TryAdd(key, text);
            return text;
        }
    }
}
