using Dashboard.Web.Watchlists;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>Each member's saved columns and home list: kept per member per list, and never on a list they cannot read (SEC-13).</summary>
public sealed class WatchlistViewServiceTests : IAsyncLifetime
{
    private readonly WatchlistTestServices services = new();

    private WatchlistViewService Views => services.Views;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task ColumnsAreSavedPerMemberPerList()
    {
        var team = (await services.Service.CreateAsync(services.Alice, "Semis", team: true)).Id!.Value;
        var other = (await services.Service.CreateAsync(services.Alice, "Banks", team: true)).Id!.Value;

        Assert.True(await Views.SaveColumnsAsync(services.Alice, team, ["Price", "Volume"]));
        Assert.True(await Views.SaveColumnsAsync(services.Bob, team, ["Rate"]));

        Assert.Equal(["Price", "Volume"], await Views.GetColumnsAsync(services.Alice, team));
        Assert.Equal(["Rate"], await Views.GetColumnsAsync(services.Bob, team));
        Assert.Null(await Views.GetColumnsAsync(services.Alice, other));
    }

    [Fact]
    public async Task NoViewIsSavedOnAnotherMembersPersonalList()
    {
        var alices = (await services.Service.CreateAsync(services.Alice, "Mine", team: false)).Id!.Value;

        Assert.False(await Views.SaveColumnsAsync(services.Bob, alices, ["Price"]));
        Assert.False(await Views.SetHomeListAsync(services.Bob, alices));
        Assert.Null(await Views.GetHomeListAsync(services.Bob));
    }

    [Fact]
    public async Task OnlyOneListIsOnHomeAndItGoesWithTheList()
    {
        var first = (await services.Service.CreateAsync(services.Alice, "First", team: false)).Id!.Value;
        var second = (await services.Service.CreateAsync(services.Alice, "Second", team: false)).Id!.Value;

        await Views.SetHomeListAsync(services.Alice, first);
        await Views.SetHomeListAsync(services.Alice, second);
        Assert.Equal(second, await Views.GetHomeListAsync(services.Alice));

        await services.Service.DeleteAsync(services.Alice, second);
        Assert.Null(await Views.GetHomeListAsync(services.Alice));
    }
}
