using Dashboard.Web.Watchlists;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>SEC-13: a personal list is its owner's alone through every service method; team lists are read by all and changed by Admins and Traders.</summary>
public sealed class WatchlistPermissionTests : IAsyncLifetime
{
    private readonly WatchlistTestServices services = new();
    private WatchlistService service = default!;

    public Task InitializeAsync()
    {
        service = services.Service;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task NoOtherMemberReadsOrChangesAPersonalListThroughAnyServiceMethod()
    {
        var id = (await service.CreateAsync(services.Alice, "Alice's ideas", team: false)).Id!.Value;
        var item = (await service.AddAsync(services.Alice, id, "005930", "earnings", default)).Id!.Value;
        var before = await service.GetAsync(services.Alice, id);

        // An Admin is no exception: personal means personal.
        foreach (var other in new[] { services.Bob, services.Vera, services.Ada })
        {
            Assert.DoesNotContain(await service.ListAsync(other), l => l.Id == id);
            Assert.Null(await service.GetAsync(other, id));
            Assert.Equal(WatchlistOutcome.NotFound, (await service.RenameAsync(other, id, "mine now", "Alice's ideas")).Outcome);
            Assert.Equal(WatchlistOutcome.NotFound, (await service.AddAsync(other, id, "000660", null)).Outcome);
            Assert.Equal(WatchlistOutcome.NotFound, (await service.RemoveAsync(other, id, item)).Outcome);
            Assert.Equal(WatchlistOutcome.NotFound, (await service.MoveAsync(other, id, item, 0)).Outcome);
            Assert.Equal(WatchlistOutcome.NotFound, (await service.AnnotateAsync(other, id, item, "changed", "earnings")).Outcome);
            Assert.Equal(WatchlistOutcome.NotFound, (await service.ImportAsync(other, id, [new WatchlistCsvRow(1, "035420", null)])).Outcome);
            Assert.Equal(WatchlistOutcome.NotFound, (await service.DeleteAsync(other, id)).Outcome);
        }

        var after = await service.GetAsync(services.Alice, id);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal("Alice's ideas", after.Name);
        Assert.Equal(["005930"], after.Items.Select(i => i.Code));
        Assert.Equal("earnings", after.Items[0].Note);
    }

    [Fact]
    public async Task AViewerReadsTeamListsButChangesNone()
    {
        var id = (await service.CreateAsync(services.Alice, "Team semis", team: true)).Id!.Value;
        var item = (await service.AddAsync(services.Alice, id, "000660", null)).Id!.Value;

        var seen = await service.GetAsync(services.Vera, id);
        Assert.NotNull(seen);
        Assert.False(seen.CanEdit);
        Assert.Contains(await service.ListAsync(services.Vera), l => l.Id == id && !l.CanEdit);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.CreateAsync(services.Vera, "Viewer's team list", team: true)).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.RenameAsync(services.Vera, id, "x", "Team semis")).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.AddAsync(services.Vera, id, "005930", null)).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.RemoveAsync(services.Vera, id, item)).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.MoveAsync(services.Vera, id, item, 0)).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.AnnotateAsync(services.Vera, id, item, "x", null)).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.ImportAsync(services.Vera, id, [new WatchlistCsvRow(1, "035420", null)])).Outcome);
        Assert.Equal(WatchlistOutcome.Forbidden, (await service.DeleteAsync(services.Vera, id)).Outcome);
        Assert.Equal(["000660"], (await service.GetAsync(services.Alice, id))!.Items.Select(i => i.Code));

        // A Viewer's own lists are theirs to edit.
        var own = (await service.CreateAsync(services.Vera, "Vera's", team: false)).Id!.Value;
        Assert.True((await service.AddAsync(services.Vera, own, "005930", null)).Succeeded);
    }

    [Fact]
    public async Task TradersAndAdminsEditEachOthersTeamLists()
    {
        var id = (await service.CreateAsync(services.Alice, "Team", team: true)).Id!.Value;

        Assert.True((await service.AddAsync(services.Bob, id, "005930", null)).Succeeded);
        Assert.True((await service.AddAsync(services.Ada, id, "000660", null)).Succeeded);
        Assert.True((await service.RenameAsync(services.Bob, id, "Team core", "Team")).Succeeded);
        Assert.True((await service.GetAsync(services.Bob, id))!.CanEdit);
        Assert.True((await service.DeleteAsync(services.Ada, id)).Succeeded);
        Assert.Null(await service.GetAsync(services.Alice, id));
    }

    [Fact]
    public async Task TheMemberListSeparatesOwnListsFromTheTeams()
    {
        await service.CreateAsync(services.Alice, "Team", team: true);
        await service.CreateAsync(services.Alice, "Alice", team: false);
        await service.CreateAsync(services.Bob, "Bob", team: false);

        var lists = await service.ListAsync(services.Alice);

        Assert.Equal([("Alice", false), ("Team", true)], lists.Select(l => (l.Name, l.IsTeam)));
        await using var db = await services.DbAsync();
        Assert.Equal(3, await db.Watchlists.CountAsync());
    }
}
