using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Realtime;

/// <summary>
/// Type 00 주문체결: an order was accepted, filled, modified, cancelled or rejected. Fill fields are
/// null until the order fills. <see cref="ToString"/> masks the account number.
/// </summary>
/// <param name="Status">FID 913: 접수, 체결, 확인, 취소 or 거부.</param>
/// <param name="OrderKind">FID 905 as sent, e.g. "+매수", "-매도정정".</param>
/// <param name="Side">FID 907: "1" sell, "2" buy.</param>
/// <param name="Exchange">FID 2134: "0" SOR, "1" KRX, "2" NXT.</param>
public sealed record OrderExecution(
    string Account,
    string OrderNumber,
    string Code,
    string Name,
    string Status,
    string OrderKind,
    string TradeType,
    string Side,
    long? OrderQuantity,
    long? OrderPrice,
    long? UnfilledQuantity,
    long? CumulativeFilledAmount,
    string OriginalOrderNumber,
    TimeOnly? Time,
    string ExecutionNumber,
    long? FillPrice,
    long? FillQuantity,
    long? UnitFillPrice,
    long? UnitFillQuantity,
    SignedPrice? CurrentPrice,
    long? Commission,
    long? Tax,
    string RejectReason,
    string Exchange,
    DateTimeOffset ReceivedAt)
{
    public static OrderExecution? From(RealtimeEvent e)
    {
        if (e.Type != RealtimeTypes.OrderExecution)
        {
            return null;
        }

        var v = e.Values;
        return new OrderExecution(
            v.GetString(RealtimeFid.AccountNumber) ?? "", v.GetString(RealtimeFid.OrderNumber) ?? "", v.GetString(RealtimeFid.StockCode) ?? e.Item, v.GetString(RealtimeFid.StockName) ?? "",
            v.GetString(RealtimeFid.OrderStatus) ?? "", v.GetString(RealtimeFid.OrderKind) ?? "", v.GetString(RealtimeFid.TradePriceTypeKoreanText) ?? "", v.GetString(RealtimeFid.Side) ?? "",
            v.GetInt64(RealtimeFid.OrderQuantity), v.GetInt64(RealtimeFid.OrderPrice), v.GetInt64(RealtimeFid.UnfilledQuantity), v.GetInt64(RealtimeFid.CumulativeFilledAmount), v.GetString(RealtimeFid.OriginalOrderNumber) ?? "",
            v.GetTime(RealtimeFid.OrderFillTime), v.GetString(RealtimeFid.ExecutionNumber) ?? "", v.GetInt64(RealtimeFid.FillPrice), v.GetInt64(RealtimeFid.FillQuantity), v.GetInt64(RealtimeFid.UnitThisExecutionPrice), v.GetInt64(RealtimeFid.UnitThisExecutionQuantity),
            v.GetPrice(RealtimeFid.CurrentPrice), v.GetInt64(RealtimeFid.TodaysCommission), v.GetInt64(RealtimeFid.TodaysTax), v.GetString(RealtimeFid.RejectionReason) ?? "", v.GetString(RealtimeFid.ExchangeInOrderExecutionNotice) ?? "",
            e.ReceivedAt);
    }

    public override string ToString() =>
        $"OrderExecution {{ Account = {Secrets.MaskAccount(Account)}, Order = {OrderNumber}, Code = {Code}, Status = {Status}, Kind = {OrderKind}, Qty = {OrderQuantity}, Unfilled = {UnfilledQuantity}, Fill = {FillQuantity}@{FillPrice} }}";
}
