using System.Buffers;
using Dashboard.Kiwoom.Market;

namespace Dashboard.Web.Orders;

/// <summary>
/// Server-side checks of every order field, whatever the page sent (SEC-21): stock code, side, quantity,
/// trade type and the prices that type needs, each price on the KRX step and inside the day's band.
/// Pure: the same ticket and reference always give the same answer.
/// </summary>
public static class OrderValidator
{
    /// <summary>Kiwoom's order fields are at most 12 characters; far beyond any real order anyway.</summary>
    public const long MaxWireNumber = 999_999_999_999;

    private static readonly SearchValues<char> CodeChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    /// <summary>KRX gold 99.99 % 1 kg (M04020100 is the 100 g mini bar).</summary>
    public const string GoldOneKilogram = "M04020000";

    private static readonly string[] GoldCodes = [GoldOneKilogram, "M04020100"];
    private static readonly string[] Exchanges = ["KRX", "NXT", "SOR"];

    /// <summary>Everything wrong with a new order; empty when it may go on to the pre-trade checks.</summary>
    public static IReadOnlyList<OrderRejection> Validate(OrderTicket ticket, PriceReference? reference)
    {
        var errors = new List<OrderRejection>();
        if (ticket.IntentId == Guid.Empty)
        {
            errors.Add(OrderRejection.Of("Intent"));
        }

        if (!Enum.IsDefined(ticket.Product))
        {
            errors.Add(OrderRejection.Of("Product"));
            return errors;
        }

        CheckCode(ticket.Product, ticket.StockCode, errors);
        if (!Enum.IsDefined(ticket.Side))
        {
            errors.Add(OrderRejection.Of("Side", "Side"));
        }

        CheckQuantity(ticket.Quantity, errors);
        if (ticket.Product != OrderProduct.Gold && !Exchanges.Contains(ticket.Exchange, StringComparer.Ordinal))
        {
            errors.Add(OrderRejection.Of("Exchange", "Exchange"));
        }

        var type = TradeTypes.Find(ticket.Product, ticket.TradeType);
        if (type is null)
        {
            errors.Add(OrderRejection.Of("TradeType", "TradeType"));
            return errors;
        }

        CheckPrices(ticket.Product, type.NeedsPrice, type.NeedsConditionPrice, ticket.Price, ticket.ConditionPrice, reference, errors);
        return errors;
    }

    /// <summary>Everything wrong with a modification of an order of <paramref name="product"/> and <paramref name="tradeType"/>.</summary>
    public static IReadOnlyList<OrderRejection> ValidateModify(ModifyTicket ticket, OrderProduct product, string tradeType, PriceReference? reference)
    {
        var errors = new List<OrderRejection>();
        if (ticket.IntentId == Guid.Empty || ticket.OrderIntentId == Guid.Empty)
        {
            errors.Add(OrderRejection.Of("Intent"));
        }

        // 0 moves everything still open (Kiwoom's mdfy_qty "0").
        if (ticket.Quantity < 0 || ticket.Quantity > MaxWireNumber)
        {
            errors.Add(OrderRejection.Of("Quantity", "Quantity"));
        }

        var type = TradeTypes.Find(product, tradeType);
        if (type is null || !type.NeedsPrice)
        {
            // A market, best or mid order has no price of its own to change: cancel it instead.
            errors.Add(OrderRejection.Of("ModifyNeedsLimit"));
            return errors;
        }

        CheckPrices(product, true, type.NeedsConditionPrice, ticket.Price, ticket.ConditionPrice, reference, errors);
        return errors;
    }

    public static IReadOnlyList<OrderRejection> ValidateCancel(CancelTicket ticket)
    {
        var errors = new List<OrderRejection>();
        if (ticket.IntentId == Guid.Empty || ticket.OrderIntentId == Guid.Empty)
        {
            errors.Add(OrderRejection.Of("Intent"));
        }

        if (ticket.Quantity < 0 || ticket.Quantity > MaxWireNumber)
        {
            errors.Add(OrderRejection.Of("Quantity", "Quantity"));
        }

        return errors;
    }

    /// <summary>The step table an order's prices are checked on: gold by product, shares or funds by the listing.</summary>
    public static KrxTickTable TickTable(OrderProduct product, PriceReference? reference) =>
        product == OrderProduct.Gold ? KrxTickTable.Gold : reference?.Table ?? KrxTickTable.Stock;

    public static bool IsValidCode(OrderProduct product, string? code) => product == OrderProduct.Gold
        ? GoldCodes.Contains(code, StringComparer.Ordinal)
        : code is { Length: 6 } && !code.AsSpan().ContainsAnyExcept(CodeChars);

    private static void CheckCode(OrderProduct product, string? code, List<OrderRejection> errors)
    {
        if (!IsValidCode(product, code))
        {
            errors.Add(OrderRejection.Of(product == OrderProduct.Gold ? "GoldCode" : "StockCode", "StockCode"));
        }
    }

    private static void CheckQuantity(long quantity, List<OrderRejection> errors)
    {
        if (quantity <= 0)
        {
            errors.Add(OrderRejection.Of("Quantity", "Quantity"));
        }
        else if (quantity > MaxWireNumber)
        {
            errors.Add(OrderRejection.Of("QuantityHuge", "Quantity"));
        }
    }

    private static void CheckPrices(
        OrderProduct product, bool needsPrice, bool needsCondition, long? price, long? condition, PriceReference? reference, List<OrderRejection> errors)
    {
        CheckPrice(product, needsPrice, price, "Price", reference, errors);
        CheckPrice(product, needsCondition, condition, "ConditionPrice", reference, errors);
    }

    private static void CheckPrice(OrderProduct product, bool needed, long? price, string field, PriceReference? reference, List<OrderRejection> errors)
    {
        if (!needed)
        {
            if (price is not null and not 0)
            {
                errors.Add(OrderRejection.Of(field + "NotAllowed", field));
            }

            return;
        }

        if (price is not { } value || value <= 0)
        {
            errors.Add(OrderRejection.Of(field + "Required", field));
            return;
        }

        if (value > MaxWireNumber)
        {
            errors.Add(OrderRejection.Of(field + "OutsideBand", field, value, 1, MaxWireNumber));
            return;
        }

        // ETF/ETN/ELW trade on 5-won steps; which table applies is part of the reference (ka10100's market code).
        var table = TickTable(product, reference);
        if (!KrxTickSize.IsOnTick(table, value))
        {
            errors.Add(OrderRejection.Of(
                field + "OffTick", field, value, KrxTickSize.For(table, value), KrxTickSize.RoundDown(table, value), KrxTickSize.RoundUp(table, value)));
            return;
        }

        if (reference is null)
        {
            if (!errors.Exists(e => e.Code == "ReferenceUnavailable"))
            {
                errors.Add(OrderRejection.Of("ReferenceUnavailable"));
            }

            return;
        }

        var lower = KrxTickSize.LowerLimit(table, reference.PreviousClose);
        var upper = KrxTickSize.UpperLimit(table, reference.PreviousClose);
        if (value < lower || value > upper)
        {
            errors.Add(OrderRejection.Of(field + "OutsideBand", field, value, lower, upper));
        }
    }
}
