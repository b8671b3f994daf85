using System.Collections.Concurrent;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Watchlists;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>Edits reach every other viewer of the list through the change notification.</summary>
public sealed class WatchlistChangesTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
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
    public async Task AnEditReachesASecondSubscriberWhoThenReadsIt()
    {
        var seen = new ConcurrentQueue<WatchlistChange>();
        await using var bobViewing = await services.Changes.SubscribeAsync(team, (change, _) =>
        {
            seen.Enqueue(change);
            return Task.CompletedTask;
        });

        await service.AddAsync(services.Alice, team, "005930", "why");

        await Eventually.TrueAsync(() => !seen.IsEmpty, Deadline, "Bob was not told of Alice's add.");
        var change = Assert.Single(seen);
        Assert.Equal((team, WatchlistChangeKind.Added, "alice"), (change.ListId, change.Kind, change.ByMemberId));
        Assert.Equal("005930", (await service.GetAsync(services.Bob, team))!.Items.Single().Code);
    }

    [Fact]
    public async Task OnlyTheChangedListsSubscribersAndAllListSubscribersAreTold()
    {
        var other = (await service.CreateAsync(services.Alice, "Other", team: true)).Id!.Value;
        var otherSeen = 0;
        var allSeen = new ConcurrentQueue<Guid>();
        await using var watchingOther = await services.Changes.SubscribeAsync(other, (_, _) =>
        {
            Interlocked.Increment(ref otherSeen);
            return Task.CompletedTask;
        });
        await using var watchingAll = await services.Changes.SubscribeAsync(null, (change, _) =>
        {
            allSeen.Enqueue(change.ListId);
            return Task.CompletedTask;
        });

        await service.AddAsync(services.Alice, team, "005930", null);
        await service.AddAsync(services.Alice, other, "000660", null);

        await Eventually.TrueAsync(() => allSeen.Count == 2, Deadline);
        await Eventually.TrueAsync(() => Volatile.Read(ref otherSeen) == 1, Deadline);
        Assert.Equal([team, other], allSeen);
    }

    [Fact]
    public async Task AFailingSubscriberNeitherStopsTheWriterNorTheOthers()
    {
        var seen = 0;
        await using var failing = await services.Changes.SubscribeAsync(team, (_, _) => throw new InvalidOperationException("broken page"));
        await using var working = await services.Changes.SubscribeAsync(team, (_, _) =>
        {
            Interlocked.Increment(ref seen);
            return Task.CompletedTask;
        });

        Assert.True((await service.AddAsync(services.Alice, team, "005930", null)).Succeeded);
        Assert.True((await service.AddAsync(services.Alice, team, "000660", null)).Succeeded);

        await Eventually.TrueAsync(() => Volatile.Read(ref seen) == 2, Deadline);
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMore()
    {
        var seen = 0;
        var subscription = await services.Changes.SubscribeAsync(team, (_, _) =>
        {
            Interlocked.Increment(ref seen);
            return Task.CompletedTask;
        });
        await service.AddAsync(services.Alice, team, "005930", null);
        await Eventually.TrueAsync(() => Volatile.Read(ref seen) == 1, Deadline);

        await subscription.DisposeAsync();
        await service.AddAsync(services.Alice, team, "000660", null);

        // A later subscriber hearing the next change proves the publish has happened and passed the disposed one by.
        var later = new TaskCompletionSource();
        await using var witness = await services.Changes.SubscribeAsync(team, (_, _) =>
        {
            later.TrySetResult();
            return Task.CompletedTask;
        });
        await service.AddAsync(services.Alice, team, "035420", null);
        await later.Task.WaitAsync(Deadline);
        Assert.Equal(1, Volatile.Read(ref seen));
    }
}
