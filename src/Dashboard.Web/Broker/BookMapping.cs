using System.Reflection;
using System.Text.Json.Serialization;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Web.Broker;

/// <summary>
/// The ka10004 snapshot as a <see cref="BookQuote"/>. Its fields are named per level on the wire
/// (<c>sel_3th_pre_bid</c>, with the best level as <c>sel_fpr_bid</c>), so they are read by wire name once.
/// </summary>
public static class BookMapping
{
    private static readonly Dictionary<string, PropertyInfo> Fields = typeof(Ka10004Response).GetProperties()
        .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
        .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, StringComparer.Ordinal);

    public static BookQuote ToBook(string code, Ka10004Response answer, DateTimeOffset receivedAt)
    {
        var asks = new BookLevel[10];
        var bids = new BookLevel[10];
        for (var level = 1; level <= 10; level++)
        {
            asks[level - 1] = level == 1
                ? Level(answer, "sel_fpr_bid", "sel_fpr_req", "sel_1th_pre_req_pre")
                : Level(answer, $"sel_{level}th_pre_bid", $"sel_{level}th_pre_req", $"sel_{level}th_pre_req_pre");
            bids[level - 1] = level == 1
                ? Level(answer, "buy_fpr_bid", "buy_fpr_req", "buy_1th_pre_req_pre")
                : Level(answer, $"buy_{level}th_pre_bid", $"buy_{level}th_pre_req", $"buy_{level}th_pre_req_pre");
        }

        return new BookQuote(code, asks, bids, Quantity(answer, "tot_sel_req"), Quantity(answer, "tot_buy_req"), null, null, receivedAt, FromSnapshot: true);
    }

    private static BookLevel Level(Ka10004Response answer, string price, string quantity, string change) =>
        new(Fields[price].GetValue(answer) is SignedPrice { Value: { } won } ? Math.Abs(won) : 0, Quantity(answer, quantity) ?? 0, Quantity(answer, change));

    private static long? Quantity(Ka10004Response answer, string field) =>
        Fields[field].GetValue(answer) switch
        {
            Quantity q => q.Value,
            SignedPrice p => p.Value,
            SignedNumber n => n.Value,
            _ => null,
        };
}
