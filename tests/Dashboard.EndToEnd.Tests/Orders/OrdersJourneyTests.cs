using System.Globalization;
using Dashboard.Kiwoom.Market;
using Dashboard.Web.Security;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Orders;

/// <summary>
/// The money path in a real browser against the embedded simulator, as a new team would use it: the Admin (2FA)
/// buys 10 shares of 005930 at market and watches the fill arrive in an already open blotter (the live 00 push);
/// places a limit buy below the market, modifies its price and cancels it from the blotter; caps a Trader's order
/// value, and the Trader (on a phone) is refused above it in plain words; the audit chain verifies and filters by
/// member; ticket and blotter fit a 390 px screen.
/// </summary>
public sealed class OrdersJourneyTests : IAsyncLifetime
{
    private const string AdminEmail = "desk@team.test";
    private const string TraderEmail = "trader@team.test";
    private const string Password = "first light over hangang";
    private const string Samsung = "005930";
    private const long TraderMaxOrderValue = 1_000_000;

    private LiveDashboard app = default!;
    private Browser browser = default!;

    public async Task InitializeAsync()
    {
        app = new LiveDashboard();
        browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task AnAdminTradesOnTheSimulatorATraderIsHeldToTheirLimitAndTheAuditChainVerifies()
    {
        await using var desktop = await browser.DesktopAsync(app.BaseAddress);
        await Browser.TracedAsync(desktop, "orders-journey", async () =>
        {
            var blotter = await desktop.NewPageAsync();
            await blotter.SetViewportSizeAsync(1366, 900);
            await RegisterAdminAsync(blotter);

            // The blotter is open before anything is ordered: what shows up in it arrives live, not on a reload.
            await blotter.GotoAsync("orders");
            await WaitInteractiveAsync(blotter);
            await Assertions.Expect(blotter.Locator("#blotter-empty")).ToBeVisibleAsync();

            var ticket = await desktop.NewPageAsync();
            await ticket.SetViewportSizeAsync(1366, 900);
            await ticket.GotoAsync("trade/" + Samsung);
            await WaitInteractiveAsync(ticket);
            await Assertions.Expect(ticket.Locator("#ticket-environment")).ToHaveAttributeAsync("data-environment", "Simulator");
            await Assertions.Expect(ticket.Locator("#ticket-reference")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Browser.ScreenshotAsync(ticket, "orders-desktop-ticket");

            // 1. Ten shares at market; the simulator fills it and its 00 push reaches the open blotter.
            await FillTicketAsync(ticket, tradeType: "3", quantity: 10);
            await Assertions.Expect(ticket.Locator("#ticket-summary")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(ticket, "orders-desktop-confirm");
            await PlaceAsync(ticket, "Accepted");

            await blotter.Locator("#blotter-tab-Fills").ClickAsync();
            var filled = blotter.Locator($".blotter-row[data-code='{Samsung}'][data-state='Filled']");
            await Assertions.Expect(filled).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await Assertions.Expect(filled).ToContainTextAsync("10");
            await Browser.ScreenshotAsync(blotter, "orders-desktop-fill");

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
            // The modify carries the order on at the new price, and the original leaves the open list without a reload.
            await Assertions.Expect(original).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Assertions.Expect(open).ToHaveCountAsync(1);
            await Assertions.Expect(open).ToHaveAttributeAsync("data-price", lower.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(blotter.Locator("#blotter-message")).ToHaveCountAsync(0);
            await Browser.ScreenshotAsync(blotter, "orders-desktop-modified");

            await open.Locator(".blotter-cancel").ClickAsync();
            await Assertions.Expect(blotter.Locator(".blotter-row")).ToHaveCountAsync(0);
            await blotter.Locator("#blotter-tab-History").ClickAsync();
            await Assertions.Expect(blotter.Locator($".blotter-row[data-state='Cancelled'][data-price='{lower}']")).ToHaveCountAsync(1);
            await Assertions.Expect(blotter.Locator($".blotter-row[data-state='Replaced'][data-price='{limit}']")).ToHaveCountAsync(1);
            await Browser.ScreenshotAsync(blotter, "orders-desktop-history");

            // 3. A Trader joins from a phone; the Admin caps their order value; the Trader is refused above it.
            var invite = await InviteTraderAsync(blotter);
            await using var phone = await browser.PhoneAsync(app.BaseAddress);
            var trader = await phone.NewPageAsync();
            await trader.GotoAsync(invite);
            await RegisterAsync(trader, TraderEmail);
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
            await Browser.ScreenshotAsync(blotter, "orders-desktop-limits");

            await trader.GotoAsync("trade/" + Samsung);
            await WaitInteractiveAsync(trader);
            await Assertions.Expect(trader.Locator("#ticket-reference")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await AssertFitsPhoneAsync(trader);
            await Browser.ScreenshotAsync(trader, "orders-phone-ticket");
            await FillTicketAsync(trader, tradeType: "3", quantity: 100);
            await Assertions.Expect(trader.Locator("#ticket-summary")).ToBeVisibleAsync();
            await AssertFitsPhoneAsync(trader);
            await Browser.ScreenshotAsync(trader, "orders-phone-confirm");
            await PlaceAsync(trader, "Refused");
            // In plain words, with the Admin's limit in it: "주문 금액 …원이 한도 1,000,000원을 넘습니다."
            await Assertions.Expect(trader.Locator("#ticket-result")).ToContainTextAsync("한도 1,000,000원");
            await AssertFitsPhoneAsync(trader);
            await Browser.ScreenshotAsync(trader, "orders-phone-refused");

            // 4. The audit chain verifies; filtered to the Trader it shows their refusal and nobody else's rows.
            await blotter.GotoAsync("admin/audit");
            await WaitInteractiveAsync(blotter);
            await blotter.Locator("#audit-verify").ClickAsync();
            await Assertions.Expect(blotter.Locator("#audit-verification[data-intact]")).ToBeVisibleAsync();
            await blotter.Locator("#audit-member").SelectOptionAsync(new SelectOptionValue { Label = TraderEmail });
            await blotter.Locator("#audit-search").ClickAsync();
            await Assertions.Expect(blotter.Locator(".audit-row[data-kind='PreTradeRejected']")).ToHaveCountAsync(1);
            var members = await blotter.Locator(".audit-row .audit-member").AllInnerTextsAsync();
            Assert.All(members, m => Assert.Equal(TraderEmail, m));
            // The Trader's limit change is theirs, and says which admin made it.
            await Assertions.Expect(blotter.Locator(".audit-row[data-kind='LimitChanged'] .audit-actor")).ToContainTextAsync(AdminEmail);
            await Browser.ScreenshotAsync(blotter, "orders-desktop-audit");

            // 5. The Admin's ticket and blotter on a 390 px screen: nothing scrolls sideways, the ticket still works.
            await blotter.SetViewportSizeAsync(390, 844);
            await blotter.GotoAsync("orders");
            await WaitInteractiveAsync(blotter);
            await blotter.Locator("#blotter-tab-History").ClickAsync();
            await Assertions.Expect(blotter.Locator(".blotter-row")).ToHaveCountAsync(3);
            await AssertFitsPhoneAsync(blotter);
            await Browser.ScreenshotAsync(blotter, "orders-phone-blotter");
        });
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

    private async Task RegisterAdminAsync(IPage admin)
    {
        await admin.GotoAsync("Account/Register");
        await admin.Locator("[id='Input.SetupCode']").FillAsync(app.SetupCode);
        await RegisterAsync(admin, AdminEmail);
        await admin.WaitForURLAsync("**/Account/Manage/EnableAuthenticator");
        var sharedKey = (await admin.Locator("kbd").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = SingleUseTotpTokenProvider.ComputeCode(Base32.Decode(sharedKey), DateTimeOffset.UtcNow).ToString("D6", CultureInfo.InvariantCulture);
        await admin.Locator("[id='Input.Code']").FillAsync(code);
        await admin.Locator("#verify-authenticator").ClickAsync();
        await Assertions.Expect(admin.Locator(".recovery-code").First).ToBeVisibleAsync();
    }

    private static async Task<string> InviteTraderAsync(IPage admin)
    {
        await admin.GotoAsync("admin/members");
        await WaitInteractiveAsync(admin);
        // MudSelect keeps its id on a hidden input; the visible control around it opens the list.
        await admin.Locator(".mud-select:has(#invite-role) .mud-input-control").ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item", new() { HasText = "트레이더" }).ClickAsync();
        await admin.Locator("#create-invite").ClickAsync();
        var link = admin.Locator("#invite-link");
        await Assertions.Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("invite="));
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("트레이더,");
        return await link.InputValueAsync();
    }

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Password);
        await page.Locator("#register-submit").ClickAsync();
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>No sideways scroll of the page, and the ticket (when shown) lies inside the screen.</summary>
    private static async Task AssertFitsPhoneAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px.");
        var wider = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.order-ticket, .order-ticket input, .order-ticket select, .order-ticket button, .blotter-row')]" +
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(e => e.id || e.className)");
        Assert.True(wider.Length == 0, "Wider than the screen: " + string.Join(", ", wider));
    }
}
