using System.Globalization;
using Dashboard.Kiwoom.Simulator.Accounts;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>The order TRs: cash (kt10000-kt10003), credit (kt10006-kt10009) and gold spot (kt50000-kt50003).</summary>
internal sealed class OrderResponder(OrderEngine orders, AccountBook accounts, ResponseComposer composer) : ITrResponder
{
    public static readonly IReadOnlySet<string> OrderApiIds = new HashSet<string>(
        ["kt10000", "kt10001", "kt10002", "kt10003", "kt10006", "kt10007", "kt10008", "kt10009", "kt50000", "kt50001", "kt50002", "kt50003"], StringComparer.Ordinal);

    public IReadOnlyCollection<string> ApiIds { get; } = [.. OrderApiIds];

    public TrOutcome Respond(TrCall call)
    {
        var account = accounts.For(call.Token.AppKey);
        var input = call.Input;
        var id = call.Tr.Id;
        var exchange = input.Get("dmst_stex_tp", "KRX");
        var code = input.Get("stk_cd");
        var action = id[^1];
        OrderResult result;
        string message;
        switch (action)
        {
            case '0' or '1' or '6' or '7':
            {
                if (Number(input, "ord_qty", out var qty) is { } e1)
                {
                    return TrOutcome.Fail(e1);
                }

                if (Number(input, "ord_uv", out var price) is { } e2)
                {
                    return TrOutcome.Fail(e2);
                }

                if (Number(input, "cond_uv", out var stop) is { } e3)
                {
                    return TrOutcome.Fail(e3);
                }

                var buy = action is '0' or '6';
                var tradeType = input.Get("trde_tp").Trim();
                result = orders.Place(account, new OrderRequest(code, buy ? OrderSide.Buy : OrderSide.Sell, qty, price, tradeType, stop, exchange, id.StartsWith("kt1000", StringComparison.Ordinal) && action is '6' or '7'));
                message = buy ? "매수주문이 완료되었습니다" : "매도주문이 완료되었습니다";
                break;
            }

            case '2' or '8':
            {
                if (Number(input, "mdfy_qty", out var qty) is { } e1)
                {
                    return TrOutcome.Fail(e1);
                }

                if (Number(input, "mdfy_uv", out var price) is { } e2)
                {
                    return TrOutcome.Fail(e2);
                }

                result = orders.Modify(account, input.Get("orig_ord_no"), code, qty, price);
                message = result.Order?.Side == OrderSide.Sell ? "매도정정 주문입력이 완료되었습니다" : "매수정정 주문입력이 완료되었습니다";
                break;
            }

            default:
            {
                if (Number(input, "cncl_qty", out var qty) is { } e1)
                {
                    return TrOutcome.Fail(e1);
                }

                result = orders.Cancel(account, input.Get("orig_ord_no"), code, qty);
                message = result.Order?.Side == OrderSide.Sell ? "매도취소 주문입력이 완료되었습니다" : "매수취소 주문입력이 완료되었습니다";
                break;
            }
        }

        if (result.Rejection is { } rejection)
        {
            return TrOutcome.Fail(rejection);
        }

        var order = result.Order!;
        var overrides = OverrideBuilder.Build(call.Tr.Response, spec => spec.Name switch
        {
            "ord_no" => order.Number,
            "base_orig_ord_no" => order.OriginalNumber,
            "dmst_stex_tp" => exchange,
            "mdfy_qty" or "cncl_qty" => order.Quantity,
            _ => null,
        }, zeroUnmappedNumbers: true);
        return TrOutcome.Ok(composer.Compose(call.Tr, input, 0, overrides, successMessage: message));
    }

    /// <summary>Empty means zero (market orders send ord_uv ""); anything else must be digits (zero padding allowed).</summary>
    private static SimError? Number(RequestInput input, string name, out long value)
    {
        var text = input.Get(name).Trim();
        value = 0;
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= 0
            ? null
            : SimError.BadFormat(name, "숫자 형식이 아닙니다");
    }
}
