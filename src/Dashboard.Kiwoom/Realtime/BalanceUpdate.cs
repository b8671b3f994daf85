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
            v.GetString(RealtimeFid.AccountNumber) ?? "", v.GetString(RealtimeFid.StockCode) ?? e.Item, v.GetString(RealtimeFid.StockName) ?? "", v.GetPrice(RealtimeFid.CurrentPrice),
            v.GetInt64(RealtimeFid.HoldingQuantity), v.GetInt64(RealtimeFid.AveragePurchasePrice), v.GetInt64(RealtimeFid.TotalPurchaseAmountTodayCumulative), v.GetInt64(RealtimeFid.OrderableSellableQuantity), v.GetInt64(RealtimeFid.TodaysNetBuyQuantity), v.GetInt64(RealtimeFid.BasePreviousClosePrice),
            v.GetDecimal(RealtimeFid.PLRateRealized), v.GetInt64(RealtimeFid.TodaysRealizedPLCashSecurities), v.GetDecimal(RealtimeFid.TodaysRealizedPLRateCash), e.ReceivedAt);
    }

    public override string ToString() =>
        $"BalanceUpdate {{ Account = {Secrets.MaskAccount(Account)}, Code = {Code}, Quantity = {Quantity}, AveragePrice = {AveragePrice} }}";
}
