using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.LoadTest.Chromium;

/// <summary>
/// The in-page half of tick-to-screen: a MutationObserver on the overview's price cells. In measurement mode
/// each price cell carries the simulator's emit time of the tick it shows (<c>data-emit</c>, Unix ms); when a
/// render batch changes it, the observer notes the DOM change time (<c>performance.timeOrigin + now()</c>, the
/// same wall clock as the simulator's on this one machine) and, one animation frame later, the time the
/// change could first be painted. Installed through the DevTools protocol, so the page's CSP is not involved
/// and no production page carries any of it.
/// </summary>
internal static class ScreenObserver
{
    private const string Install = """
        () => {
          const store = window.__tickToScreen = { dom: [], frame: [] };
          const clock = () => performance.timeOrigin + performance.now();
          new MutationObserver(records => {
            const now = clock();
            const emits = [];
            for (const r of records) {
              const value = r.target.getAttribute('data-emit');
              if (value) emits.push(Number(value));
            }
            if (emits.length === 0) return;
            for (const e of emits) store.dom.push(now - e);
            requestAnimationFrame(() => {
              const painted = clock();
              for (const e of emits) store.frame.push(painted - e);
            });
          }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-emit'] });
          return true;
        }
        """;

    public static Task InstallAsync(IPage page) => page.EvaluateAsync<bool>(Install);

    public static Task ResetAsync(IPage page) =>
        page.EvaluateAsync("() => { window.__tickToScreen.dom.length = 0; window.__tickToScreen.frame.length = 0; }");

    /// <summary>The samples since the last reset: DOM change and next frame, ms after the simulator emitted the tick.</summary>
    public static async Task<(List<double> Dom, List<double> Frame)> CollectAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.__tickToScreen");
        return (Numbers(json.GetProperty("dom")), Numbers(json.GetProperty("frame")));
    }

    private static List<double> Numbers(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];
}
