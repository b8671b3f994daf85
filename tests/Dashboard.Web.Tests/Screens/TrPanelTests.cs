using System.Text.Json;
using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Flows;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Screens;

/// <summary>
/// The ETF, ELW and flows screens' TR panel: it refreshes by itself through the member's shared poll plan
/// (showing "refreshing in N s"), on demand with its button, shows a broker error, and leaves the plan when closed.
/// </summary>
public sealed class TrPanelTests : IAsyncLifetime
{
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext bunit = default!;
    private int answered;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
        });

        // Each answer carries a different price, so a refresh is visible on screen.
        session.FakeQueries.Answer("ka40003", _ => Daily(10_000 + 5 * Interlocked.Increment(ref answered)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task ThePanelRefreshesByItselfThroughTheMembersPollPlan()
    {
        var scheduler = bunit.Services.GetRequiredService<PollScheduler>();
        var panel = Render(refreshSeconds: 10);
        panel.WaitForAssertion(() => Assert.Contains("10,005", PriceCell(panel)));
        panel.WaitForAssertion(() => Assert.Equal("waiting", panel.Find(".refresh-status").GetAttribute("data-state")));
        Assert.Contains("10", panel.Find(".refresh-countdown").TextContent);
        var loop = scheduler.LoopOf(session.KeyId);
        Assert.NotNull(loop);

        // Jump the clock to the instant the member's plan waits for: the panel asks again.
        await Eventually.TrueAsync(() => loop.Parked.Until is not null, TimeSpan.FromSeconds(5));
        bunit.Time.Advance(loop.Parked.Until!.Value - bunit.Time.GetUtcNow());

        panel.WaitForAssertion(() => Assert.Contains("10,010", PriceCell(panel)), TimeSpan.FromSeconds(5));
        Assert.Equal(2, session.FakeQueries.Sent.Count(r => r.Api.Id == "ka40003"));
    }

    [Fact]
    public async Task ClosingThePanelLeavesThePlan()
    {
        var scheduler = bunit.Services.GetRequiredService<PollScheduler>();
        var panel = Render(refreshSeconds: 30);
        panel.WaitForAssertion(() => Assert.NotNull(scheduler.LoopOf(session.KeyId)));

        await panel.Instance.DisposeAsync();

        await Eventually.TrueAsync(() => scheduler.LoopOf(session.KeyId) is null, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void WithoutAnIntervalThePanelRefreshesOnlyOnDemand()
    {
        var scheduler = bunit.Services.GetRequiredService<PollScheduler>();
        var panel = Render(refreshSeconds: 0);
        panel.WaitForAssertion(() => Assert.Contains("10,005", PriceCell(panel)));
        Assert.Equal("off", panel.Find(".refresh-status").GetAttribute("data-state"));
        Assert.Null(scheduler.LoopOf(session.KeyId));

        panel.Find("button.tr-refresh").Click();

        panel.WaitForAssertion(() => Assert.Contains("10,010", PriceCell(panel)));
    }

    [Fact]
    public void ABrokerErrorIsShownWithItsMessageInsteadOfRows()
    {
        // The fake has no answer for ka40009: it fails the way the broker does, as a value, not an exception.
        var failing = bunit.Render<TrPanel<Ka40009Response>>(p => p
            .Add(x => x.Request, new Ka40009Request { StockCode = "069500" })
            .Add(x => x.Title, "NAV")
            .Add(x => x.RefreshSeconds, 0));

        failing.WaitForAssertion(() => Assert.Contains("The test gave no answer for ka40009", failing.Find(".tr-error").TextContent));
        Assert.Empty(failing.FindAll("tr.tr-row"));
    }

    private IRenderedComponent<TrPanel<Ka40003Response>> Render(int refreshSeconds) =>
        bunit.Render<TrPanel<Ka40003Response>>(p => p
            .Add(x => x.Request, new Ka40003Request { StockCode = "069500" })
            .Add(x => x.Title, "Daily")
            .Add(x => x.RefreshSeconds, refreshSeconds)
            .Add(x => x.Columns, ["cntr_dt", "cur_prc"]));

    private static string PriceCell(IRenderedComponent<TrPanel<Ka40003Response>> panel) =>
        panel.Find("tr.tr-row td[data-column='cur_prc']").TextContent;

    private static Ka40003Response Daily(long price) => JsonSerializer.Deserialize(
        $$"""{"etfdaly_trnsn":[{"cntr_dt":"20261126","cur_prc":"+{{price}}","pre_sig":"2","pred_pre":"+5","pre_rt":"+0.05","trde_qty":"1000"}],"return_code":0,"return_msg":"ok"}""",
        KiwoomJsonContext.Default.Ka40003Response)!;
}
