using Dashboard.Web.Alerts;

namespace Dashboard.Web.Tests.Alerts;

/// <summary>Alert persistence, validation and SEC-13 ownership with two members.</summary>
public sealed class AlertServiceTests : IAsyncLifetime
{
    private readonly AlertTestServices services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task ACreatedAlertIsListedForItsOwnerWithACleanCode()
    {
        var (id, problem) = await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput(" 005930 ", AlertKind.PriceAbove, 70_000, 0, Rearm: true));

        Assert.Null(problem);
        var alert = Assert.Single(await services.Service.ListAsync(AlertTestServices.Alice));
        Assert.Equal(id, alert.Id);
        Assert.Equal("005930", alert.Code);
        Assert.True(alert.Rearm);
        Assert.True(alert.Enabled);
    }

    [Theory]
    [InlineData("59593", AlertKind.PriceAbove, 70_000, 0, "InvalidCode")]
    [InlineData("005930", AlertKind.PriceAbove, 0, 0, "InvalidPrice")]
    [InlineData("005930", AlertKind.PriceBelow, 70_000.5, 0, "InvalidPrice")]
    [InlineData("005930", AlertKind.RateOfChange, 75, 5, "InvalidRate")]
    [InlineData("005930", AlertKind.RateOfChange, 3, 0, "InvalidWindow")]
    [InlineData("005930", AlertKind.VolumeSpike, 1000, 61, "InvalidWindow")]
    public async Task BadInputIsRefusedWithAReasonAndNothingIsSaved(string code, AlertKind kind, double threshold, int window, string expected)
    {
        var (id, problem) = await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput(code, kind, (decimal)threshold, window, false));

        Assert.Null(id);
        Assert.Equal(expected, problem);
        Assert.Empty(await services.Service.ListAsync(AlertTestServices.Alice));
    }

    [Fact]
    public async Task NoMemberReadsChangesOrDeletesAnothersAlerts()
    {
        var (id, _) = await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("005930", AlertKind.PriceAbove, 70_000, 0, false));
        var hit = new AlertHit(new AlertRule(id!.Value, "005930", AlertKind.PriceAbove, 70_000, 0, false), 70_100, services.Time.GetUtcNow());
        await services.Service.RecordAsync("alice", hit);

        Assert.Empty(await services.Service.ListAsync(AlertTestServices.Bob));
        Assert.Empty(await services.Service.HistoryAsync(AlertTestServices.Bob));
        Assert.False(await services.Service.SetEnabledAsync(AlertTestServices.Bob, id.Value, true));
        Assert.False(await services.Service.DeleteAsync(AlertTestServices.Bob, id.Value));
        Assert.Null(await services.Service.RecordAsync("bob", hit));
        Assert.Single(await services.Service.ListAsync(AlertTestServices.Alice));
        Assert.Single(await services.Service.HistoryAsync(AlertTestServices.Alice));
    }

    [Fact]
    public async Task AFiringIsKeptWithItsValueAndAOneShotAlertSwitchesItselfOff()
    {
        var (id, _) = await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("005930", AlertKind.PriceBelow, 60_000, 0, Rearm: false));
        var rule = Assert.Single(await services.Service.ActiveRulesAsync("alice"));

        var notice = await services.Service.RecordAsync("alice", new AlertHit(rule, 59_900, services.Time.GetUtcNow()));

        Assert.NotNull(notice);
        Assert.False(notice.StillActive);
        var firing = Assert.Single(await services.Service.HistoryAsync(AlertTestServices.Alice));
        Assert.Equal(59_900m, firing.Value);
        Assert.Equal(60_000m, firing.Threshold);
        Assert.Equal(id, firing.AlertId);
        Assert.Empty(await services.Service.ActiveRulesAsync("alice"));
        Assert.False(Assert.Single(await services.Service.ListAsync(AlertTestServices.Alice)).Enabled);
    }

    [Fact]
    public async Task ARearmingAlertStaysOnAfterFiring()
    {
        await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("005930", AlertKind.PriceAbove, 70_000, 0, Rearm: true));
        var rule = Assert.Single(await services.Service.ActiveRulesAsync("alice"));

        var notice = await services.Service.RecordAsync("alice", new AlertHit(rule, 70_000, services.Time.GetUtcNow()));

        Assert.True(notice!.StillActive);
        Assert.Single(await services.Service.ActiveRulesAsync("alice"));
    }

    [Fact]
    public async Task HistoryOutlivesTheDeletedAlert()
    {
        var (id, _) = await services.Service.CreateAsync(AlertTestServices.Alice, new AlertInput("005930", AlertKind.ViTriggered, 0, 0, true));
        var rule = Assert.Single(await services.Service.ActiveRulesAsync("alice"));
        await services.Service.RecordAsync("alice", new AlertHit(rule, 77_000, services.Time.GetUtcNow()));

        Assert.True(await services.Service.DeleteAsync(AlertTestServices.Alice, id!.Value));

        Assert.Single(await services.Service.HistoryAsync(AlertTestServices.Alice));
    }

    [Fact]
    public async Task TheNotificationOptInIsPerMember()
    {
        await services.Service.SetBrowserNotificationsAsync(AlertTestServices.Alice, true);

        Assert.True(await services.Service.WantsBrowserNotificationsAsync(AlertTestServices.Alice));
        Assert.False(await services.Service.WantsBrowserNotificationsAsync(AlertTestServices.Bob));
    }
}
