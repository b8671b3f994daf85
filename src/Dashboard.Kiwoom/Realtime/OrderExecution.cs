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
            v.GetString(9201) ?? "", v.GetString(9203) ?? "", v.GetString(9001) ?? e.Item, v.GetString(302) ?? "",
            v.GetString(913) ?? "", v.GetString(905) ?? "", v.GetString(906) ?? "", v.GetString(907) ?? "",
            v.GetInt64(900), v.GetInt64(901), v.GetInt64(902), v.GetInt64(903), v.GetString(904) ?? "",
            v.GetTime(908), v.GetString(909) ?? "", v.GetInt64(910), v.GetInt64(911), v.GetInt64(914), v.GetInt64(915),
            v.GetPrice(10), v.GetInt64(938), v.GetInt64(939), v.GetString(919) ?? "", v.GetString(2134) ?? "",
            e.ReceivedAt);
    }

    public override string ToString() =>
        $"OrderExecution {{ Account = {Secrets.MaskAccount(Account)}, Order = {OrderNumber}, Code = {Code}, Status = {Status}, Kind = {OrderKind}, Qty = {OrderQuantity}, Unfilled = {UnfilledQuantity}, Fill = {FillQuantity}@{FillPrice} }}";
}
