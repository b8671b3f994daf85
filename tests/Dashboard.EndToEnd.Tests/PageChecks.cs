using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Checks every journey makes of a page; each waits for the DOM state it names, never a fixed time.</summary>
public static class PageChecks
{
    /// <summary>How long a live value may take to move on a loaded machine before the journey fails.</summary>
    public static readonly TimeSpan LiveWait = TimeSpan.FromSeconds(45);

    /// <summary>The layout's marker that the Blazor circuit is up, so clicks reach the server.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>
    /// Waits until the page's address ends with <paramref name="pathEnd"/> after a navigation the circuit made (a click
    /// handled on the server calling NavigateTo). WaitForURL is not used for these: it checks the client library's copy of
    /// the address and, when that is stale, waits for a navigation event that already happened; on a loaded CI machine it
    /// timed out on a page that had navigated. This polls the page's own address instead.
    /// </summary>
    public static Task ExpectAddressAsync(IPage page, string pathEnd) => ExpectAddressAsync(page, new Regex(Regex.Escape(pathEnd) + "$"));

    /// <summary>As above, for an address known by its pattern (a list's id, a code picked from the page).</summary>
    public static Task ExpectAddressAsync(IPage page, Regex address) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = 30_000 });

    /// <summary>
    /// Waits until the navigation drawer is <paramref name="open"/> (or closed) and its slide, and the page's shift beside
    /// it, have ended: the layout turns the drawer on a resize only after the circuit hears of it, and a click during the
    /// slide lands beside its button as the page moves under the pointer.
    /// </summary>
    public static Task WaitForDrawerAsync(IPage page, bool open) =>
        page.WaitForFunctionAsync(
            """
            open => {
                const drawer = document.querySelector('.mud-drawer');
                if (!drawer || drawer.classList.contains('mud-drawer--open') !== open) return false;
                return [drawer, document.querySelector('.mud-main-content')].filter(e => e)
                    .flatMap(e => e.getAnimations()).every(a => a.playState !== 'running');
            }
            """,
            open,
            new() { Timeout = 30_000 });

    public static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The {where} scrolls sideways by {overflow}px.");
    }

    /// <summary>
    /// The text of <paramref name="target"/> (every element it matches) changes while we watch: fed live, not a one-off
    /// snapshot. <paramref name="within"/> defaults to <see cref="LiveWait"/>.
    /// </summary>
    public static async Task ExpectTextChangesAsync(ILocator target, string what, TimeSpan? within = null)
    {
        var wait = within ?? LiveWait;
        var before = (await target.AllInnerTextsAsync()).ToArray();
        try
        {
            await Assertions.Expect(target).Not.ToHaveTextAsync(before, new() { UseInnerText = true, Timeout = (float)wait.TotalMilliseconds });
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"The {what} did not change within {wait.TotalSeconds} s: {e.Message}");
        }
    }

    /// <summary>The <paramref name="attribute"/> of <paramref name="target"/> changes while we watch.</summary>
    public static async Task ExpectAttributeChangesAsync(ILocator target, string attribute, string what, TimeSpan? within = null)
    {
        var wait = within ?? LiveWait;
        var before = await target.GetAttributeAsync(attribute) ?? string.Empty;
        try
        {
            await Assertions.Expect(target).Not.ToHaveAttributeAsync(attribute, before, new() { Timeout = (float)wait.TotalMilliseconds });
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"The {what} did not change within {wait.TotalSeconds} s: {e.Message}");
        }
    }
}
