using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>
/// The chain's hash: SHA-256 over the previous hash and the row's canonical content. Each field is written
/// with its length first, so no choice of values can make two different rows read the same.
/// </summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(OrderAuditEntry row)
    {
        var text = new StringBuilder(256).Append(row.PreviousHash).Append('\n');
        Field(text, row.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, row.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, row.MemberId);
        Field(text, row.ActorId);
        Field(text, row.ConnectionId?.ToString("N"));
        Field(text, row.IntentId?.ToString("N"));
        Field(text, row.Kind.ToString());
        Field(text, row.StockCode);
        Field(text, row.Side?.ToString());
        Field(text, row.Quantity?.ToString(CultureInfo.InvariantCulture));
        Field(text, row.Price?.ToString(CultureInfo.InvariantCulture));
        Field(text, row.TradeType);
        Field(text, row.OrderNumber);
        Field(text, row.Details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Field(StringBuilder text, string? value)
    {
        // -1 marks null, so null and "" differ.
        text.Append(value is null ? -1 : value.Length).Append(':').Append(value).Append(';');
    }
}
