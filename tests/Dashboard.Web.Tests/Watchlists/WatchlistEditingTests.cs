using Dashboard.Web.Watchlists;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>Provenance, ordering, and two members editing one list at the same moment.</summary>
public sealed class WatchlistEditingTests : IAsyncLifetime
{
    private readonly WatchlistTestServices services = new();
    private WatchlistService service = default!;
    private Guid team;

    public async Task InitializeAsync()
    {
        service = services.Service;
        team = (await service.CreateAsync(services.Alice, "Team", team: true)).Id!.Value;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task EveryStockKeepsWhoAddedItWhenAndWhy()
    {
        await service.AddAsync(services.Alice, team, "005930", "  HBM orders  ");
        services.Time.Advance(TimeSpan.FromMinutes(5));
        await service.AddAsync(services.Bob, team, "000660", null);

        var items = (await service.GetAsync(services.Vera, team))!.Items;

        Assert.Equal(("005930", "HBM orders", "alice@team.test"), (items[0].Code, items[0].Note, items[0].AddedBy));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero), items[0].AddedAt);
        Assert.Equal(("000660", (string?)null, "bob@team.test"), (items[1].Code, items[1].Note, items[1].AddedBy));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 35, 0, TimeSpan.Zero), items[1].AddedAt);
    }

    [Fact]
    public async Task BadCodesDuplicatesAndLongNotesAreRefusedWithTheirReason()
    {
        Assert.Equal(WatchlistOutcome.Invalid, (await service.AddAsync(services.Alice, team, "5930", null)).Outcome);
        Assert.Equal(WatchlistOutcome.Invalid, (await service.AddAsync(services.Alice, team, "005930", new string('x', 201))).Outcome);
        Assert.True((await service.AddAsync(services.Alice, team, "00680k", null)).Succeeded);
        Assert.Equal(WatchlistOutcome.Duplicate, (await service.AddAsync(services.Bob, team, "00680K", null)).Outcome);
        Assert.Equal(WatchlistOutcome.Invalid, (await service.CreateAsync(services.Alice, "   ", team: false)).Outcome);
    }

    [Fact]
    public async Task MovingAndRemovingKeepTheOrderDense()
    {
        foreach (var code in new[] { "005930", "000660", "035420", "035720" })
        {
            await service.AddAsync(services.Alice, team, code, null);
        }

        var items = (await service.GetAsync(services.Alice, team))!.Items;
        await service.MoveAsync(services.Bob, team, items[3].Id, 0);
        await service.RemoveAsync(services.Alice, team, items[1].Id);

        var after = (await service.GetAsync(services.Alice, team))!.Items;
        Assert.Equal(["035720", "005930", "035420"], after.Select(i => i.Code));
        Assert.Equal([0, 1, 2], after.Select(i => i.Position));
    }

    [Fact]
    public async Task TwoMembersAddingAtTheSameMomentBothLandInDistinctPlaces()
    {
        await service.AddAsync(services.Alice, team, "005930", null);

        // Bob's add saves after Alice's add read the list and before it saves.
        services.Interleave.BeforeNextSave(async () => Assert.True((await service.AddAsync(services.Bob, team, "000660", "Bob's")).Succeeded));
        Assert.True((await service.AddAsync(services.Alice, team, "035420", "Alice's")).Succeeded);

        var items = (await service.GetAsync(services.Alice, team))!.Items;
        Assert.Equal(["005930", "000660", "035420"], items.Select(i => i.Code));
        Assert.Equal([0, 1, 2], items.Select(i => i.Position));
    }

    [Fact]
    public async Task TwoMembersMovingAtTheSameMomentBothLand()
    {
        foreach (var code in new[] { "005930", "000660", "035420", "035720" })
        {
            await service.AddAsync(services.Alice, team, code, null);
        }

        var items = (await service.GetAsync(services.Alice, team))!.Items;

        // Bob moves the last to the top while Alice moves the first to the bottom.
        services.Interleave.BeforeNextSave(async () => Assert.True((await service.MoveAsync(services.Bob, team, items[3].Id, 0)).Succeeded));
        Assert.True((await service.MoveAsync(services.Alice, team, items[0].Id, 3)).Succeeded);

        var after = (await service.GetAsync(services.Alice, team))!.Items;
        Assert.Equal(["035720", "000660", "035420", "005930"], after.Select(i => i.Code));
    }

    [Fact]
    public async Task ARenameOverAnotherMembersRenameIsToldAndTheirNameStays()
    {
        // Alice opened the rename while the list was "Team"; Bob's rename lands just before hers saves.
        services.Interleave.BeforeNextSave(async () => Assert.True((await service.RenameAsync(services.Bob, team, "Bob's name", "Team")).Succeeded));
        var result = await service.RenameAsync(services.Alice, team, "Alice's name", "Team");

        Assert.Equal(WatchlistOutcome.Conflict, result.Outcome);
        Assert.Equal("Bob's name", result.Current);
        Assert.Equal("Bob's name", (await service.GetAsync(services.Alice, team))!.Name);

        // Told, and still holding her text, she can save it over Bob's knowingly.
        Assert.True((await service.RenameAsync(services.Alice, team, "Alice's name", result.Current!)).Succeeded);
        Assert.Equal("Alice's name", (await service.GetAsync(services.Bob, team))!.Name);
    }

    [Fact]
    public async Task ANoteOverAnotherMembersNoteIsToldAndTheirNoteStays()
    {
        var item = (await service.AddAsync(services.Alice, team, "005930", "first"))!.Id!.Value;

        services.Interleave.BeforeNextSave(async () => Assert.True((await service.AnnotateAsync(services.Bob, team, item, "Bob's why", "first")).Succeeded));
        var result = await service.AnnotateAsync(services.Alice, team, item, "Alice's why", "first");

        Assert.Equal(WatchlistOutcome.Conflict, result.Outcome);
        Assert.Equal("Bob's why", result.Current);
        Assert.Equal("Bob's why", (await service.GetAsync(services.Alice, team))!.Items.Single().Note);
    }
}
