using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>Type 04 잔고 (현물잔고): a position changed. <see cref="ToString"/> masks the account number.</summary>
public sealed record BalanceUpdate(
    string Account,
    string Code,
    string Name,
    SignedPrice? CurrentPrice,
    long? Quantity,
    long? AveragePrice,
    long? TotalPurchaseAmount,
    long? OrderableQuantity,
    long? NetBuyQuantityToday,
    long? BasePrice,
    decimal? ProfitRate,
    long? RealizedProfitToday,
    decimal? RealizedProfitRateToday,
    DateTimeOffset ReceivedAt)
{
    public static BalanceUpdate? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.Balance)
        {
            return null;
        }

        var v = e.Values;
        return new BalanceUpdate(
            v.GetString(9201) ?? "", v.GetString(9001) ?? e.Item, v.GetString(302) ?? "", v.GetPrice(10),
            v.GetInt64(930), v.GetInt64(931), v.GetInt64(932), v.GetInt64(933), v.GetInt64(945), v.GetInt64(307),
            v.GetDecimal(8019), v.GetInt64(990), v.GetDecimal(991), e.ReceivedAt);
    }

    public override string ToString() =>
        $"BalanceUpdate {{ Account = {Secrets.MaskAccount(Account)}, Code = {Code}, Quantity = {Quantity}, AveragePrice = {AveragePrice} }}";
}
