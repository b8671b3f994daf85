using System.Globalization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>
/// Gold spot (kt50000-kt50003) intents with an unknown outcome, against the gold lists of the day the intent was
/// made (KST): kt50075 (금현물 미체결, open orders) and kt50031 (금현물 주문체결, every gold order with its fills and
/// how Kiwoom took it), the way stock intents are settled from ka10075/ka10076/kt00007. Never by sending again.
/// </summary>
public sealed partial class OrderReconciler
{
    private async Task<bool> ReconcileGoldOrderAsync(PassLists lists, OrderIntent intent, CancellationToken ct)
    {
        var (open, details) = await GoldListsAsync(lists, intent, ct);
        if (open is null || details is null)
        {
            return false;
        }

        var claimed = await ClaimedNumbersAsync(intent, ct);
        var asOpen = open.SelectMany(page => page.AcntOrdOsoPrst).FirstOrDefault(o =>
            SameCode(o.StockCode, intent.StockCode) && SameSide(o.OrderTypeName, intent.Side) && !IsAmend(o.OriginalOrderNumber)
            && o.OrderQuantity.Value == intent.Quantity && PriceMatches(intent, o.OrderPrice.Value)
            && OrderRequests.NormalizeNumber(o.OrderNumber) is { } n && !claimed.Contains(n));
        if (asOpen is not null)
        {
            var filled = asOpen.FillQuantity.Value ?? 0;
            var unfilled = asOpen.OrdRemnq.Value ?? intent.Quantity - filled;
            await ResolveAsync(intent, OrderRequests.NormalizeNumber(asOpen.OrderNumber)!, unfilled, filled, filled * (asOpen.CntrUv.Value ?? 0), "found among open gold orders (kt50075)", ct);
            return true;
        }

        var asListed = details.SelectMany(page => page.AcntOrdCntrPrpsDtl).FirstOrDefault(d =>
            SameCode(d.StockCode.Code, intent.StockCode) && SameSide(d.OrderTypeName, intent.Side) && !IsAmend(d.OriOrd)
            && d.OrderQuantity.Value == intent.Quantity && PriceMatches(intent, d.OrderPrice.Value)
            && OrderRequests.NormalizeNumber(d.OrderNumber) is { } n && !claimed.Contains(n));
        if (asListed is not null)
        {
            // Listed but no longer open: it was placed, and what it filled is all it will fill.
            var number = OrderRequests.NormalizeNumber(asListed.OrderNumber)!;
            if ((asListed.AcptTp ?? "").Contains("거부", StringComparison.Ordinal))
            {
                await RejectAsync(intent.Id, $"rejected by Kiwoom as order {number} (kt50031)", ct);
                return true;
            }

            var filled = asListed.FillQuantity.Value ?? 0;
            await ResolveAsync(intent, number, 0, filled, filled * (asListed.CntrUv.Value ?? 0), "found among the day's gold orders (kt50031)", ct);
            return true;
        }

        if (time.GetUtcNow() - intent.CreatedAt < options.Value.NotPlacedAfter)
        {
            return false;
        }

        await NeverPlacedAsync(intent, "not found at Kiwoom (kt50075, kt50031): the order was never placed", ct);
        return true;
    }

    /// <summary>A gold modify or cancel: kt50031 names the original order for each; not there, the open list decides a cancel.</summary>
    private async Task<bool> ReconcileGoldAmendAsync(PassLists lists, OrderIntent intent, OrderIntent target, string original, CancellationToken ct)
    {
        var (open, details) = await GoldListsAsync(lists, intent, ct);
        if (open is null || details is null)
        {
            return false;
        }

        var claimed = await ClaimedNumbersAsync(intent, ct);
        var word = intent.Action == OrderAction.Cancel ? "취소" : "정정";
        var row = details.SelectMany(page => page.AcntOrdCntrPrpsDtl).FirstOrDefault(r =>
            OrderRequests.NormalizeNumber(r.OriOrd) == original && (r.MdfyCncl ?? r.OrderTypeName ?? "").Contains(word, StringComparison.Ordinal)
            && OrderRequests.NormalizeNumber(r.OrderNumber) is { } n && !claimed.Contains(n));
        if (row is not null)
        {
            await ApplyAmendFoundAsync(intent, new FoundAmend(
                OrderRequests.NormalizeNumber(row.OrderNumber)!, row.OrderQuantity.Value, row.FillQuantity.Value, row.CntrUv.Value, row.OrdRemnq.Value, "kt50031"), ct);
            return true;
        }

        if (intent.Action != OrderAction.Cancel)
        {
            return await ReconcileModifyNotFoundAsync(intent, target, "kt50031", ct);
        }

        var stillOpen = open.SelectMany(page => page.AcntOrdOsoPrst).Any(o => OrderRequests.NormalizeNumber(o.OrderNumber) == original);
        return await ReconcileCancelAsync(intent, stillOpen, ct);
    }

    /// <summary>
    /// The whole gold lists (every code) of the intent's day (KST), read once per day in a pass; nulls (logged) when
    /// Kiwoom could not be read in full.
    /// </summary>
    private static async Task<(IReadOnlyList<Kt50075Response>? Open, IReadOnlyList<Kt50031Response>? Details)> GoldListsAsync(PassLists lists, OrderIntent intent, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(KoreaTime.WallClock(intent.CreatedAt)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var open = await lists.WholeAsync(
            new Kt50075Request { OrdDt = day, QueryType = "1", MrktDealTp = "5", StkBondTp = "0", SellTp = "0", StockCode = "", FrOrdNo = "", Exchange = "KRX" }, intent.Id, ct);
        if (open is null)
        {
            return (null, null);
        }

        var details = await lists.WholeAsync(
            new Kt50031Request { OrdDt = day, QueryType = "1", StkBondTp = "0", SellTp = "0", StockCode = "", FrOrdNo = "", Exchange = "%" }, intent.Id, ct);
        return details is null ? (null, null) : (open, details);
    }

    private static bool SameCode(string? listed, string code) =>
        string.Equals(listed?.Trim().TrimStart('A'), code, StringComparison.Ordinal) || string.Equals(listed?.Trim(), code, StringComparison.Ordinal);

    // io_tp_nm: "+매수" / "-매도" (the modify/cancel kinds carry the same words).
    private static bool SameSide(string? kind, OrderSide side) =>
        (kind ?? "").Contains(side == OrderSide.Sell ? "매도" : "매수", StringComparison.Ordinal);

    // A modify's replacement order carries its original's number; a new order "0000000" or nothing.
    private static bool IsAmend(string? original) => OrderRequests.NormalizeNumber(original) is { } n && n.Trim('0').Length > 0;
}
