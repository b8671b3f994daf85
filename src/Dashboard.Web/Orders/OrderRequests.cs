using System.Diagnostics;
using System.Globalization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>
/// Builds the order TR for an intent, the one <see cref="OrderTrs"/> names for its action, product and side, and
/// sends it once, reducing every answer to the order number or the error.
/// </summary>
internal static class OrderRequests
{
    /// <summary>Credit sells repay the whole margin loan position (융자합) unless a loan date is chosen.</summary>
    private const string CreditRepayAll = "99";

    public static Task<KiwoomResult<OrderAnswer>> PlaceAsync(IOrderChannel channel, OrderIntent i, CancellationToken ct) =>
        OrderTrs.For(OrderAction.Place, i.Product, i.Side).ApiId switch
        {
            "kt10000" => SendAsync(channel, new Kt10000Request
            {
                Exchange = i.Exchange, StockCode = i.StockCode, OrderQuantity = Number(i.Quantity), OrderPrice = Wire(i.Price), TradeType = i.TradeType,
                ConditionPrice = Wire(i.ConditionPrice),
            }, r => r.OrderNumber, null, ct),
            "kt10001" => SendAsync(channel, new Kt10001Request
            {
                Exchange = i.Exchange, StockCode = i.StockCode, OrderQuantity = Number(i.Quantity), OrderPrice = Wire(i.Price), TradeType = i.TradeType,
                ConditionPrice = Wire(i.ConditionPrice),
            }, r => r.OrderNumber, null, ct),
            "kt10006" => SendAsync(channel, new Kt10006Request
            {
                Exchange = i.Exchange, StockCode = i.StockCode, OrderQuantity = Number(i.Quantity), OrderPrice = Wire(i.Price), TradeType = i.TradeType,
                ConditionPrice = Wire(i.ConditionPrice),
            }, r => r.OrderNumber, null, ct),
            "kt10007" => SendAsync(channel, new Kt10007Request
            {
                Exchange = i.Exchange, StockCode = i.StockCode, OrderQuantity = Number(i.Quantity), OrderPrice = Wire(i.Price), TradeType = i.TradeType,
                CrdDealTp = CreditRepayAll, ConditionPrice = Wire(i.ConditionPrice),
            }, r => r.OrderNumber, null, ct),
            "kt50000" => SendAsync(channel, new Kt50000Request
            {
                StockCode = i.StockCode, OrderQuantity = Number(i.Quantity), OrderPrice = Wire(i.Price), TradeType = i.TradeType,
            }, r => r.OrderNumber, null, ct),
            "kt50001" => SendAsync(channel, new Kt50001Request
            {
                StockCode = i.StockCode, OrderQuantity = Number(i.Quantity), OrderPrice = Wire(i.Price), TradeType = i.TradeType,
            }, r => r.OrderNumber, null, ct),
            var other => throw new UnreachableException($"{other} is not a place TR of the order table."),
        };

    /// <param name="quantity">The shares to move; 0 moves all that remains (Kiwoom's own "0").</param>
    public static Task<KiwoomResult<OrderAnswer>> ModifyAsync(IOrderChannel channel, OrderIntent target, OrderIntent modify, long quantity, CancellationToken ct) =>
        OrderTrs.For(OrderAction.Modify, target.Product, target.Side).ApiId switch
        {
            "kt10002" => SendAsync(channel, new Kt10002Request
            {
                Exchange = target.Exchange, OriginalOrderNumber = target.OrderNumber!, StockCode = target.StockCode, ModifyQuantity = Number(quantity),
                ModifyPrice = Number(modify.Price ?? 0), MdfyCondUv = Wire(modify.ConditionPrice),
            }, r => r.OrderNumber, r => r.ModifyQuantity.Value, ct),
            "kt10008" => SendAsync(channel, new Kt10008Request
            {
                Exchange = target.Exchange, OriginalOrderNumber = target.OrderNumber!, StockCode = target.StockCode, ModifyQuantity = Number(quantity),
                ModifyPrice = Number(modify.Price ?? 0), MdfyCondUv = Wire(modify.ConditionPrice),
            }, r => r.OrderNumber, r => r.ModifyQuantity.Value, ct),
            "kt50002" => SendAsync(channel, new Kt50002Request
            {
                OriginalOrderNumber = target.OrderNumber!, StockCode = target.StockCode, ModifyQuantity = Number(quantity), ModifyPrice = Number(modify.Price ?? 0),
            }, r => r.OrderNumber, r => r.ModifyQuantity.Value, ct),
            var other => throw new UnreachableException($"{other} is not a modify TR of the order table."),
        };

    public static Task<KiwoomResult<OrderAnswer>> CancelAsync(IOrderChannel channel, OrderIntent target, long quantity, CancellationToken ct) =>
        OrderTrs.For(OrderAction.Cancel, target.Product, target.Side).ApiId switch
        {
            "kt10003" => SendAsync(channel, new Kt10003Request
            {
                Exchange = target.Exchange, OriginalOrderNumber = target.OrderNumber!, StockCode = target.StockCode, CancelQuantity = Number(quantity),
            }, r => r.OrderNumber, null, ct),
            "kt10009" => SendAsync(channel, new Kt10009Request
            {
                Exchange = target.Exchange, OriginalOrderNumber = target.OrderNumber!, StockCode = target.StockCode, CancelQuantity = Number(quantity),
            }, r => r.OrderNumber, null, ct),
            "kt50003" => SendAsync(channel, new Kt50003Request
            {
                OriginalOrderNumber = target.OrderNumber!, StockCode = target.StockCode, CancelQuantity = Number(quantity),
            }, r => r.OrderNumber, null, ct),
            var other => throw new UnreachableException($"{other} is not a cancel TR of the order table."),
        };

    /// <param name="moved">A modify's answer: the shares Kiwoom moved (mdfy_qty), which can be fewer than asked.</param>
    private static async Task<KiwoomResult<OrderAnswer>> SendAsync<TResponse>(
        IOrderChannel channel, IKiwoomRequest<TResponse> request, Func<TResponse, string?> orderNumber, Func<TResponse, long?>? moved, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        var result = await channel.SendOrderAsync(request, ct);
        return result.Map(r => new OrderAnswer(NormalizeNumber(orderNumber(r)), moved?.Invoke(r)));
    }

    /// <summary>Kiwoom writes order numbers 5 or 7 digits wide ("00024", "0000018"); compare them as 7.</summary>
    public static string? NormalizeNumber(string? number)
    {
        var trimmed = number?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var digits = trimmed.TrimStart('0');
        return digits.Length == 0 ? null : digits.PadLeft(7, '0');
    }

    private static string? Wire(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
