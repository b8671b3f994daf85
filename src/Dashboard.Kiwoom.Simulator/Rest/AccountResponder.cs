using System.Globalization;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Accounts;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// The account TRs (/api/dostk/acnt): every figure comes from the token's account — cash, holdings valued at
/// the live price, orders, fills, realized P&amp;L, fees and taxes — so kt00001, kt00004, kt00005, kt00018,
/// ka10075, ka10076, kt00007 and the realized-P&amp;L TRs agree with each other and with the 00/04 pushes.
/// Credit, loan and foreign-currency figures are zero: simulated accounts trade cash only.
/// </summary>
internal sealed class AccountResponder(AccountBook accounts, MarketEngine engine, ResponseComposer composer) : ITrResponder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public IReadOnlyCollection<string> ApiIds { get; } =
        KiwoomCatalog.Default.Trs.Where(t => t.Path == "/api/dostk/acnt").Select(t => t.Id).ToArray();

    public TrOutcome Respond(TrCall call)
    {
        var account = accounts.For(call.Token.AppKey);
        var tr = call.Tr;
        return engine.Read(_ =>
        {
            var totals = Totals(account);
            var requested = engine.Universe.Find(call.Input.Get("stk_cd"));
            var price = long.TryParse(call.Input.Get("uv"), NumberStyles.None, Inv, out var uv) && uv > 0 ? uv : requested?.Last ?? 0;
            var top = OverrideBuilder.Build(tr.Response, spec => TopValue(spec, account, totals, requested, price), zeroUnmappedNumbers: true);
            return TrOutcome.Ok(composer.Compose(tr, call.Input, call.Offset, top, list => Rows(tr, list, account, totals, call.Input)));
        });
    }

    private sealed record AccountTotals(long Purchase, long Evaluation, long BuyAmount, long SellAmount);

    private AccountTotals Totals(Account a)
    {
        long purchase = 0, evaluation = 0;
        foreach (var h in a.Holdings.Values.Where(h => h.Quantity > 0))
        {
            purchase += h.PurchaseAmount;
            evaluation += h.Quantity * engine.Universe.ByCode[h.Code].Last;
        }

        var buys = a.Fills.Where(f => f.Side == OrderSide.Buy).Sum(f => f.Price * f.Quantity);
        var sells = a.Fills.Where(f => f.Side == OrderSide.Sell).Sum(f => f.Price * f.Quantity);
        return new AccountTotals(purchase, evaluation, buys, sells);
    }

    /// <param name="requested">The listing the request names (kt00010-kt00012 ask what can be ordered of it).</param>
    /// <param name="price">The price those TRs size an order at: the request's uv, else the live price.</param>
    private static object? TopValue(FieldSpec spec, Account a, AccountTotals t, Instrument? requested = null, long price = 0)
    {
        var n = spec.Name;
        var pnl = t.Evaluation - t.Purchase;
        return n switch
        {
            "acctNo" or "acnt_no" => a.Number,

            // A cash account: its own margin rate is 100%, and the higher of it and the listing's applies.
            "profa_rt" or "aplc_rt" => 100m,
            "stk_profa_rt" => requested is null ? 100m : requested.MarginRatePercent,
            "stk_assr_rt" => requested is null ? "" : requested.CreditGroup.ToString(),
            "stk_assr_rt_nm" => requested is null ? 0m : requested.CreditGuaranteePercent,
            _ when n.Contains("ord_alowq", StringComparison.Ordinal) => price == 0 ? 0L : a.OrderableCash / (price + Ledger.Commission(price)),
            "acnt_nm" => "모의투자",
            "brch_nm" => "키움증권 시뮬레이터",
            _ when n.Contains("ord_alow", StringComparison.Ordinal) || n.Contains("ord_alowa", StringComparison.Ordinal) || n == "ord_alowa" => a.OrderableCash,
            "entr" or "entra" or "tot_entr" or "net_entr" or "d1_entra" or "d2_entra" or "entr_d1" or "entr_d2" or "prsm_entra"
                or "pymn_alow_amt" or "d1_pymn_alow_amt" or "d2_pymn_alow_amt" or "prsm_pymn_alow_amt" or "paym_alowa" or "wthd_alowa" => a.Cash,
            "tot_pur_amt" or "stk_buy_tot_amt" or "invt_bsamt" => t.Purchase,
            "tot_evlt_amt" or "evlt_amt_tot" or "aset_evlt_amt" or "gnrl_stk_evlt_amt_d2" or "day_stk_asst" => t.Evaluation,
            "tot_est_amt" or "prsm_dpst_aset_amt" => a.Cash + t.Evaluation,
            "tot_evlt_pl" or "tot_pl_tot" or "tot_evltv_prft" or "lspft_amt" or "lspft" or "lspft2" or "pl_amt" => pnl,
            "tot_prft_rt" or "tot_pl_rt" or "lspft_rt" or "lspft_ratio" => t.Purchase == 0 ? 0m : Math.Round(pnl * 100m / t.Purchase, 2),
            "rlzt_pl" or "tdy_rlzt_pl" or "tdy_lspft" or "tdy_lspft_amt" or "tot_pl_amt" => a.RealizedPnl,
            "tdy_lspft_rt" => a.InitialDeposit == 0 ? 0m : Math.Round(a.RealizedPnl * 100m / a.InitialDeposit, 2),
            "trde_cmsn" or "cmsn" => a.FeesToday,
            "trde_tax" or "tax" => a.TaxesToday,
            "tot_cmsn_tax" => a.FeesToday + a.TaxesToday,
            "tot_buy_amt" or "buy_amt" or "buy_amt_sum" or "buy_exct_amt" => t.BuyAmount,
            "tot_sell_amt" or "sell_amt" or "sell_amt_sum" or "sell_exct_amt" => t.SellAmount,
            "tot_exct_amt" => t.SellAmount - t.BuyAmount - a.FeesToday - a.TaxesToday,
            _ => null,
        };
    }

    private IReadOnlyList<RowContext> Rows(CatalogTr tr, CatalogField list, Account a, AccountTotals totals, RequestInput input)
    {
        var fields = list.Fields ?? [];
        var specs = fields.Select(FieldClassifier.For).ToArray();
        var now = KoreaTime.Now(engine.Clock);
        var code = engine.Universe.Find(input.Get("stk_cd"))?.Code;
        if (specs.Any(s => s.Kind == ValueKind.OrderNumber && s.Name == "ord_no"))
        {
            var orders = a.Orders.Where(o => code is null || o.Code == code);
            orders = tr.Id switch
            {
                "ka10075" or "kt50075" or "ka10088" => orders.Where(o => o.IsOpen),
                "ka10076" => orders.Where(o => o.Filled > 0),
                _ => orders,
            };
            var isGold = tr.Id.StartsWith("kt50", StringComparison.Ordinal);
            return orders.Where(o => (engine.Universe.ByCode[o.Code].Kind == InstrumentKind.Gold) == isGold)
                .OrderByDescending(o => o.Number, StringComparer.Ordinal)
                .Select((o, k) => OrderRow(fields, a, o, now, k + 1)).ToArray();
        }

        if (tr.NameEn.Contains("Realized", StringComparison.OrdinalIgnoreCase) || tr.Id == "ka10170")
        {
            if (!specs.Any(s => s.Kind == ValueKind.Code))
            {
                return [DayRow(fields, a, totals, now)];
            }

            return a.Fills.Where(f => f.Side == OrderSide.Sell && (code is null || f.Code == code)).GroupBy(f => f.Code)
                .Select((g, k) => RealizedRow(fields, a, g.Key, g.ToArray(), now, k + 1)).ToArray();
        }

        if (specs.Any(s => s.Kind is ValueKind.Code))
        {
            var isGold = tr.Id.StartsWith("kt50", StringComparison.Ordinal);
            return a.Holdings.Values.Where(h => h.Quantity > 0 && (engine.Universe.ByCode[h.Code].Kind == InstrumentKind.Gold) == isGold)
                .OrderBy(h => h.Code, StringComparer.Ordinal)
                .Select((h, k) => HoldingRow(fields, h, totals, now, k + 1)).ToArray();
        }

        if (specs.Any(s => s.Kind == ValueKind.Date))
        {
            return [DayRow(fields, a, totals, now)];
        }

        // Foreign-currency deposits, loans and settlement schedules: a cash-only KRW account has none.
        return [];
    }

    private RowContext OrderRow(IReadOnlyList<CatalogField> fields, Account a, SimOrder o, DateTime now, int rank)
    {
        var i = engine.Universe.ByCode[o.Code];
        var time = KoreaTime.WallClock(o.Time);
        var status = o.Status switch
        {
            OrderStatus.Filled => "체결",
            OrderStatus.Cancelled => o.KindText.EndsWith("취소", StringComparison.Ordinal) ? "확인" : "취소",
            OrderStatus.PartiallyFilled => "체결",
            _ => "접수",
        };
        var overrides = OverrideBuilder.Build(fields, spec => spec.Name switch
        {
            "acnt_no" => a.Number,
            "ord_no" => o.Number,
            "orig_ord_no" or "ori_ord" => o.OriginalNumber,
            "ord_qty" => o.Quantity,
            "ord_pric" or "ord_uv" => o.Price,
            "oso_qty" or "ord_remnq" => o.Remaining,
            "cntr_qty" or "cnfm_qty" => o.Filled,
            "cntr_pric" or "cntr_uv" or "unit_cntr_pric" => o.AverageFillPrice,
            "unit_cntr_qty" => o.Filled,
            "cntr_tot_amt" => o.FilledAmount,
            "io_tp_nm" => (o.Side == OrderSide.Buy ? "+" : "-") + o.KindText,
            "trde_tp" => TradeTypes.NameOf(o.TradeType),
            "ord_stt" => status,
            "acpt_tp" => status,
            "mdfy_cncl" => o.OriginalNumber == "0000000" ? "" : o.KindText,
            "tm" or "ord_tm" or "cnfm_tm" => time.ToString(spec.TimeFormat, Inv),
            "stop_pric" or "cond_uv" => o.ConditionPrice,
            "tdy_trde_cmsn" => a.Fills.Where(f => f.OrderNumber == o.Number).Sum(f => f.Fee),
            "tdy_trde_tax" => a.Fills.Where(f => f.OrderNumber == o.Number).Sum(f => f.Tax),
            "crd_tp" => o.Credit ? "03" : "00",
            "stex_tp" => "1",
            "stex_tp_txt" or "dmst_stex_tp" => o.Exchange,
            "sor_yn" => "N",
            "comm_ord_tp" => "REST API",
            "cntr_no" => "",
            _ => null,
        }, zeroUnmappedNumbers: true);
        return new RowContext { Engine = engine, NowKst = now, Instrument = i, Overrides = overrides, Rank = rank };
    }

    private RowContext HoldingRow(IReadOnlyList<CatalogField> fields, Holding h, AccountTotals t, DateTime now, int rank)
    {
        var i = engine.Universe.ByCode[h.Code];
        var evaluation = h.Quantity * i.Last;
        var pnl = evaluation - h.PurchaseAmount;
        var sellFee = Ledger.Commission(evaluation);
        var sellTax = Ledger.Tax(i, evaluation);
        var overrides = OverrideBuilder.Build(fields, spec => spec.Name switch
        {
            "rmnd_qty" or "cur_qty" or "setl_remn" or "qty" => h.Quantity,
            "trde_able_qty" or "clrn_alow_qty" => h.Sellable,
            "avg_prc" or "pur_pric" or "buy_uv" or "avg_pric" => h.AveragePrice,
            "pur_amt" => h.PurchaseAmount,
            "evlt_amt" => evaluation,
            "evltv_prft" or "pl_amt" => pnl,
            "prft_rt" or "pl_rt" => h.PurchaseAmount == 0 ? 0m : Math.Round(pnl * 100m / h.PurchaseAmount, 2),
            "tdy_buyq" => h.TodayBought,
            "tdy_sellq" => h.TodaySold,
            "tdy_sel_pl" => h.RealizedPnl,
            "pur_cmsn" => Ledger.Commission(h.PurchaseAmount),
            "sell_cmsn" => sellFee,
            "tax" => sellTax,
            "sum_cmsn" => Ledger.Commission(h.PurchaseAmount) + sellFee,
            "poss_rt" => t.Evaluation == 0 ? 0m : Math.Round(evaluation * 100m / t.Evaluation, 2),
            "crd_tp" => "00",
            "crd_tp_nm" => "",
            "crd_loan_dt" or "loan_dt" or "expr_dt" => "",
            _ => null,
        }, zeroUnmappedNumbers: true);
        return new RowContext { Engine = engine, NowKst = now, Instrument = i, Overrides = overrides, Rank = rank };
    }

    private RowContext RealizedRow(IReadOnlyList<CatalogField> fields, Account a, string code, Fill[] sells, DateTime now, int rank)
    {
        var i = engine.Universe.ByCode[code];
        var qty = sells.Sum(f => f.Quantity);
        var amount = sells.Sum(f => f.Price * f.Quantity);
        var h = a.Holdings[code];
        var buyPrice = qty == 0 ? 0 : (amount - sells.Sum(f => f.Fee + f.Tax) - h.RealizedPnl) / qty;
        var overrides = OverrideBuilder.Build(fields, spec => spec.Name switch
        {
            "cntr_qty" => qty,
            "buy_uv" => buyPrice,
            "cntr_pric" => qty == 0 ? 0 : amount / qty,
            "tdy_sel_pl" or "tdy_sel_pl_1" => h.RealizedPnl,
            "pl_rt" => buyPrice * qty == 0 ? 0m : Math.Round(h.RealizedPnl * 100m / (buyPrice * qty), 2),
            "tdy_trde_cmsn" or "tdy_htssel_cmsn" => sells.Sum(f => f.Fee),
            "tdy_trde_tax" => sells.Sum(f => f.Tax),
            "wthd_alowa" => a.Cash,
            "stk_cd_1" => i.Code,
            "loan_dt" => "",
            "crd_tp" => "00",
            _ => null,
        }, zeroUnmappedNumbers: true);
        return new RowContext { Engine = engine, NowKst = now, Instrument = i, Overrides = overrides, Rank = rank };
    }

    private RowContext DayRow(IReadOnlyList<CatalogField> fields, Account a, AccountTotals t, DateTime now)
    {
        var overrides = OverrideBuilder.Build(fields, spec => spec.Name switch
        {
            "buy_amt" => t.BuyAmount,
            "sell_amt" => t.SellAmount,
            "tdy_sel_pl" => a.RealizedPnl,
            "tdy_trde_cmsn" => a.FeesToday,
            "tdy_trde_tax" => a.TaxesToday,
            _ => TopValue(spec, a, t),
        }, zeroUnmappedNumbers: true);
        return new RowContext { Engine = engine, NowKst = now, Overrides = overrides, Rank = 1 };
    }
}
