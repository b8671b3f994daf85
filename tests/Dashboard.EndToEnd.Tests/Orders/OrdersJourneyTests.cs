using System.Globalization;
using Dashboard.Kiwoom.Market;
using Microsoft.Playwright;
using static Dashboard.EndToEnd.Tests.PageChecks;

namespace Dashboard.EndToEnd.Tests.Orders;

/// <summary>
/// The money path in a real browser against the embedded simulator, as a new team would use it: the Admin (2FA)
/// buys 10 shares of 005930 at market and watches the fill arrive in an already open blotter (the live 00 push);
/// places a limit buy below the market, modifies its price and cancels it from the blotter; caps a Trader's order
/// value, and the Trader (on a phone) is refused above it in plain words; the audit chain verifies and filters by
/// member; ticket and blotter fit a 390 px screen.
/// </summary>
public sealed class OrdersJourneyTests : Journey
{
    private const string AdminEmail = "desk@team.test";
    private const string TraderEmail = "trader@team.test";
    private const string Samsung = "005930";
    private const long TraderMaxOrderValue = 1_000_000;
    private const string AuditCsvHeader = "sequence,time_kst,member,actor,connection,intent,kind,kind_code,stock,side,quantity,price,trade_type,trade_type_code,order_no,details,previous_hash,hash";

    [Fact]
    public async Task AnAdminTradesOnTheSimulatorATraderIsHeldToTheirLimitAndTheAuditChainVerifies()
    {
        await using var desktop = await NewContextAsync(Device.Desktop);
        await Browser.TracedAsync(desktop, "orders-journey", async () =>
        {
            var blotter = await desktop.NewPageAsync();
            await RegisterAdminAsync(blotter, AdminEmail);

            // The blotter is open before anything is ordered: what shows up in it arrives live, not on a reload.
            await blotter.GotoAsync("orders");
            await WaitInteractiveAsync(blotter);
            await Assertions.Expect(blotter.Locator("#blotter-empty")).ToBeVisibleAsync();

            var ticket = await desktop.NewPageAsync();
            await ticket.GotoAsync("trade/" + Samsung);
            await WaitInteractiveAsync(ticket);
            await Assertions.Expect(ticket.Locator("#ticket-environment")).ToHaveAttributeAsync("data-environment", "Simulator");
            await Assertions.Expect(ticket.Locator("#ticket-reference")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await ScreenshotAsync(ticket, "orders-desktop-ticket");

            // 1. Ten shares at market; the simulator fills it and its 00 push reaches the open blotter.
            AssertContinuousTrading(Samsung);
            await FillTicketAsync(ticket, tradeType: "3", quantity: 10);
            await Assertions.Expect(ticket.Locator("#ticket-summary")).ToBeVisibleAsync();
            await ScreenshotAsync(ticket, "orders-desktop-confirm");
            await PlaceAsync(ticket, "Accepted");

            await blotter.Locator("#blotter-tab-Fills").ClickAsync();
            var filled = blotter.Locator($".blotter-row[data-code='{Samsung}'][data-state='Filled']");
            await Assertions.Expect(filled).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            await Assertions.Expect(filled).ToContainTextAsync("10");
            await ScreenshotAsync(blotter, "orders-desktop-fill");

            // 2. A limit buy 5% under the last price stays open; its price is modified, then it is cancelled.
            await ticket.Locator("#ticket-again").ClickAsync();
            var last = long.Parse(await ticket.Locator("#ticket-reference").GetAttributeAsync("data-last-price") ?? "0", CultureInfo.InvariantCulture);
            var limit = KrxTickSize.RoundDown(KrxTickTable.Stock, last * 95 / 100);
            await FillTicketAsync(ticket, tradeType: "0", quantity: 1, price: limit);
            await PlaceAsync(ticket, "Accepted");

            await blotter.Locator("#blotter-tab-Open").ClickAsync();
            var open = blotter.Locator(".blotter-row[data-state='Accepted']");
            await Assertions.Expect(open).ToHaveCountAsync(1);
            await Assertions.Expect(open).ToHaveAttributeAsync("data-price", limit.ToString(CultureInfo.InvariantCulture));

            var lower = KrxTickSize.StepDown(KrxTickTable.Stock, limit);
            var original = blotter.Locator("#" + await open.GetAttributeAsync("id"));
            await open.Locator(".blotter-modify").ClickAsync();
            var newPrice = open.Locator("input[id^='modify-price-']");
            await newPrice.FillAsync(lower.ToString(CultureInfo.InvariantCulture));
            await newPrice.BlurAsync();
            await open.Locator(".blotter-modify-send").ClickAsync();
            // The modify carries the order on at the new price, and the original leaves the open list without a reload:
            // each state waited for as it is named (the replacement arrives, the original goes), generously on a loaded box.
            var replacement = blotter.Locator($".blotter-row[data-state='Accepted'][data-price='{lower}']");
            await Assertions.Expect(replacement).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Assertions.Expect(original).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await Assertions.Expect(open).ToHaveCountAsync(1);
            await Assertions.Expect(blotter.Locator("#blotter-message")).ToHaveCountAsync(0);
            await ScreenshotAsync(blotter, "orders-desktop-modified");

            // The inline cancel asks how many shares, all still open by default; on a 390 px screen too.
            await open.Locator(".blotter-cancel").ClickAsync();
            await Assertions.Expect(open.Locator("input[id^='cancel-quantity-']")).ToHaveValueAsync("1");
            await blotter.SetViewportSizeAsync(390, 844);
            await WaitForDrawerAsync(blotter, open: false);
            await AssertFitsPhoneAsync(blotter);
            await ScreenshotAsync(blotter, "orders-phone-cancel-ask");
            await blotter.SetViewportSizeAsync(1366, 900);
            await WaitForDrawerAsync(blotter, open: true);
            await open.Locator(".blotter-cancel-send").ClickAsync();
            await Assertions.Expect(blotter.Locator(".blotter-row")).ToHaveCountAsync(0);
            await blotter.Locator("#blotter-tab-History").ClickAsync();
            await Assertions.Expect(blotter.Locator($".blotter-row[data-state='Cancelled'][data-price='{lower}']")).ToHaveCountAsync(1);
            await Assertions.Expect(blotter.Locator($".blotter-row[data-state='Replaced'][data-price='{limit}']")).ToHaveCountAsync(1);
            await ScreenshotAsync(blotter, "orders-desktop-history");

            // 3. A Trader joins from a phone; the Admin caps their order value; the Trader is refused above it.
            var invite = await InviteMemberAsync(blotter, "트레이더");
            await using var phone = await NewContextAsync(Device.Phone);
            var trader = await phone.NewPageAsync();
            await JoinAsync(trader, invite, TraderEmail);
            await Assertions.Expect(trader.Locator(".home-index").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await blotter.GotoAsync("admin/limits");
            await WaitInteractiveAsync(blotter);
            var traderLimits = blotter.Locator($".limits-member[data-email='{TraderEmail}']");
            var maxValue = traderLimits.Locator(".limits-max-order-value");
            await maxValue.FillAsync(TraderMaxOrderValue.ToString(CultureInfo.InvariantCulture));
            await maxValue.BlurAsync();
            await traderLimits.Locator(".limits-save").ClickAsync();
            await Assertions.Expect(blotter.Locator("#limits-message")).ToContainTextAsync(TraderEmail);
            await Assertions.Expect(traderLimits.Locator(".limits-max-order-value")).ToHaveValueAsync(TraderMaxOrderValue.ToString(CultureInfo.InvariantCulture));
            await ScreenshotAsync(blotter, "orders-desktop-limits");

            await trader.GotoAsync("trade/" + Samsung);
            await WaitInteractiveAsync(trader);
            await Assertions.Expect(trader.Locator("#ticket-reference")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await AssertFitsPhoneAsync(trader);
            await ScreenshotAsync(trader, "orders-phone-ticket");
            await FillTicketAsync(trader, tradeType: "3", quantity: 100);
            await Assertions.Expect(trader.Locator("#ticket-summary")).ToBeVisibleAsync();
            await AssertFitsPhoneAsync(trader);
            await ScreenshotAsync(trader, "orders-phone-confirm");
            await PlaceAsync(trader, "Refused");
            // In plain words, with the Admin's limit in it: "주문 금액 …원이 한도 1,000,000원을 넘습니다."
            await Assertions.Expect(trader.Locator("#ticket-result")).ToContainTextAsync("한도 1,000,000원");
            await AssertFitsPhoneAsync(trader);
            await ScreenshotAsync(trader, "orders-phone-refused");

            // 4. The audit chain verifies; filtered to the Trader it shows their refusal and nobody else's rows.
            await blotter.GotoAsync("admin/audit");
            await WaitInteractiveAsync(blotter);
            await blotter.Locator("#audit-verify").ClickAsync();
            await Assertions.Expect(blotter.Locator("#audit-verification[data-intact]")).ToBeVisibleAsync();
            await ExpectCsvExportAsync(blotter, limit);
            await blotter.Locator("#audit-member").SelectOptionAsync(new SelectOptionValue { Label = TraderEmail });
            await blotter.Locator("#audit-search").ClickAsync();
            // Waits for the filtered rows themselves: the unfiltered list holds one refusal too (the Trader's), so
            // counting refusals alone passed before the search had re-rendered and read the Admin's rows.
            await Assertions.Expect(blotter.Locator(".audit-row .audit-member").Filter(new() { HasNotText = TraderEmail })).ToHaveCountAsync(0);
            await Assertions.Expect(blotter.Locator(".audit-row[data-kind='PreTradeRejected']")).ToHaveCountAsync(1);
            Assert.All(await blotter.Locator(".audit-row .audit-member").AllInnerTextsAsync(), m => Assert.Equal(TraderEmail, m));
            // The Trader's limit change is theirs, and says which admin made it.
            await Assertions.Expect(blotter.Locator(".audit-row[data-kind='LimitChanged'] .audit-actor")).ToContainTextAsync(AdminEmail);
            await ScreenshotAsync(blotter, "orders-desktop-audit");

            // 5. The Admin's ticket and blotter on a 390 px screen: nothing scrolls sideways, the ticket still works.
            await blotter.SetViewportSizeAsync(390, 844);
            await blotter.GotoAsync("orders");
            await WaitInteractiveAsync(blotter);
            await blotter.Locator("#blotter-tab-History").ClickAsync();
            await Assertions.Expect(blotter.Locator(".blotter-row")).ToHaveCountAsync(3);
            await AssertFitsPhoneAsync(blotter);
            await ScreenshotAsync(blotter, "orders-phone-blotter");
        });
    }

    /// <summary>
    /// The audit's CSV export, downloaded as a person would (export, then the download link): UTF-8 with a BOM, the
    /// documented header, and the orders of this journey in it: the market buy of 10 accepted with its order number
    /// and filled, the limit buy at its price, and the Trader's refused 100.
    /// </summary>
    private static async Task ExpectCsvExportAsync(IPage audit, long limitPrice)
    {
        await audit.Locator("#audit-export").ClickAsync();
        var download = await audit.RunAndWaitForDownloadAsync(() => audit.Locator("#audit-download").ClickAsync());
        Assert.Equal("order-audit.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new MemoryStream(bytes), System.Text.Encoding.UTF8) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        Assert.Equal(AuditCsvHeader, string.Join(',', header));
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        var marketBuy = Assert.Single(rows, r => r["kind_code"] == "Accepted" && r["stock"] == Samsung && r["trade_type_code"] == "3");
        Assert.Equal("10", marketBuy["quantity"]);
        Assert.NotEqual(string.Empty, marketBuy["order_no"]);
        Assert.Contains(rows, r => r["kind_code"] == "Fill" && r["stock"] == Samsung && r["order_no"] == marketBuy["order_no"]);
        var refused = Assert.Single(rows, r => r["kind_code"] == "PreTradeRejected");
        Assert.Equal("100", refused["quantity"]);
        Assert.Contains(rows, r => r["kind_code"] == "Accepted" && r["trade_type_code"] == "0" && r["price"] == limitPrice.ToString(CultureInfo.InvariantCulture));
        // Sequence numbers run in order with nothing missing: the whole chain, oldest first.
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["sequence"]));
    }

    /// <summary>Trade type, quantity and (for priced types) price, then Review; each field's change event fires on blur.</summary>
    private static async Task FillTicketAsync(IPage page, string tradeType, long quantity, long? price = null)
    {
        await page.Locator("#ticket-type").SelectOptionAsync(tradeType);
        if (price is { } p)
        {
            var field = page.Locator("#ticket-price");
            await field.FillAsync(p.ToString(CultureInfo.InvariantCulture));
            await field.BlurAsync();
        }
        else
        {
            await Assertions.Expect(page.Locator("#ticket-price")).ToHaveCountAsync(0);
        }

        var amount = page.Locator("#ticket-quantity");
        await amount.FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
        await amount.BlurAsync();
        await page.Locator("#ticket-review").ClickAsync();
    }

    private static async Task PlaceAsync(IPage page, string outcome)
    {
        await page.Locator("#ticket-place").ClickAsync();
        await Assertions.Expect(page.Locator("#ticket-result")).ToHaveAttributeAsync("data-outcome", outcome, new() { Timeout = 20_000 });
    }

    /// <summary>No sideways scroll of the page, and the ticket (when shown) lies inside the screen.</summary>
    private static async Task AssertFitsPhoneAsync(IPage page)
    {
        await AssertNoSidewaysScrollAsync(page, "page " + page.Url);
        var wider = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.order-ticket, .order-ticket input, .order-ticket select, .order-ticket button, .blotter-row')]" +
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(e => e.id || e.className)");
        Assert.True(wider.Length == 0, "Wider than the screen: " + string.Join(", ", wider));
    }
}
