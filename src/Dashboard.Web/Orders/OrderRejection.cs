using System.Globalization;
using System.Resources;

namespace Dashboard.Web.Orders;

/// <summary>
/// Why an order was refused, as a code plus its values, so the page shows it in the member's language
/// and the audit keeps it in English (<see cref="Describe"/>). Codes are the keys "Reject_{Code}" of OrdersText.
/// </summary>
/// <param name="Field">The ticket field at fault (for the form), or null for the order as a whole.</param>
public sealed record OrderRejection(string Code, string? Field, IReadOnlyList<string> Args)
{
    private static readonly ResourceManager Text = new(typeof(OrdersText));

    public static OrderRejection Of(string code, string? field = null, params object[] args) =>
        new(code, field, [.. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty)]);

    /// <summary>The plain-words sentence in <paramref name="culture"/> (Korean is the neutral resource).</summary>
    public string Describe(CultureInfo culture)
    {
        var format = Text.GetString("Reject_" + Code, culture) ?? Code;
        return string.Format(culture, format, [.. Args.Select(a => Money(a, culture))]);
    }

    public override string ToString() => Describe(CultureInfo.InvariantCulture);

    // Whole-number values are prices, quantities or amounts: group their digits the way people read them.
    private static object Money(string value, CultureInfo culture) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) >= 1000
            ? number.ToString("N0", culture)
            : value;
}
