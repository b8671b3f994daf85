using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Dashboard.Web.Tests.Connections;

/// <summary>The app bar's account picker: the member's own connections, the choice remembered, the page reopened on it.</summary>
public sealed class AccountPickerTests : IAsyncLifetime
{
    private DashboardTestContext bunit = default!;

    public Task InitializeAsync()
    {
        bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<ActiveConnectionStore>();
            services.AddScoped<IBrokerSessions, ChoosingBrokerSessions>();
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bunit.DisposeAsync();

    [Fact]
    public async Task WithOneConnectionThereIsNothingToPick()
    {
        await AddAsync("Simulator");

        var picker = bunit.Render<AccountPicker>();

        await Task.Delay(50);
        Assert.Empty(picker.FindAll(".account-picker"));
    }

    [Fact]
    public async Task PickingAnotherConnectionRemembersItAndReloadsThePageOntoIt()
    {
        var first = await AddAsync("Simulator");
        var second = await AddAsync("Mock account");
        var picker = bunit.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AccountPicker>(1);
            builder.CloseComponent();
        });
        picker.WaitForAssertion(() => Assert.Contains("Simulator", picker.Find(".account-picker").TextContent));

        picker.Find(".account-picker button").Click();
        picker.WaitForAssertion(() => Assert.Equal(2, picker.FindAll(".account-choice").Count));
        Assert.Contains("in use", picker.Find($".account-choice[data-connection='{first}']").TextContent);
        picker.Find($".account-choice[data-connection='{second}']").Click();

        var store = bunit.Services.GetRequiredService<ActiveConnectionStore>();
        Assert.Equal(second, await store.GetAsync(DashboardTestContext.MemberId));
        var navigation = bunit.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        Assert.True(Assert.Single(navigation.History).Options.ForceLoad);

        // The reloaded circuit opens the chosen connection, not the oldest one.
        var fresh = new ChoosingBrokerSessions(bunit.Services.GetRequiredService<ConnectionService>(), store, bunit.Services.GetRequiredService<AuthenticationStateProvider>());
        await fresh.OpenAsync();
        Assert.Equal(second, fresh.Connection?.Id);
    }

    [Fact]
    public async Task AnotherMembersConnectionCannotBeChosen()
    {
        Guid theirs;
        await using (var db = await bunit.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            db.Users.Add(new ApplicationUser { Id = "member-2", UserName = "other@team.test", Email = "other@team.test" });
            await db.SaveChangesAsync();
        }

        await bunit.Services.GetRequiredService<ConnectionService>().ProvisionSimulatorAsync("member-2");
        await using (var db = await bunit.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            theirs = await db.BrokerConnections.Where(c => c.OwnerId == "member-2").Select(c => c.Id).SingleAsync();
        }

        var store = bunit.Services.GetRequiredService<ActiveConnectionStore>();

        Assert.False(await store.SetAsync(bunit.Member, theirs));
        Assert.Null(await store.GetAsync(DashboardTestContext.MemberId));
    }

    [Fact]
    public void APickedConnectionThatNeedsItsKeysAgainFallsBackToTheOldestUsable()
    {
        var now = DateTimeOffset.UnixEpoch;
        ConnectionSummary Summary(string label, BrokerConnectionStatus status) => new(Guid.NewGuid(), label, KiwoomEnvironment.Mock, "••••", null, status, now);
        var verified = Summary("verified", BrokerConnectionStatus.Verified);
        var broken = Summary("broken", BrokerConnectionStatus.NeedsReentry);
        var picked = Summary("picked", BrokerConnectionStatus.Verified);

        Assert.Equal(picked, BrokerCircuit.ChooseActive([verified, broken, picked], picked.Id));
        Assert.Equal(verified, BrokerCircuit.ChooseActive([verified, broken, picked], broken.Id));
        Assert.Equal(verified, BrokerCircuit.ChooseActive([verified, broken, picked], Guid.NewGuid()));
        Assert.Equal(verified, BrokerCircuit.ChooseActive([verified, broken, picked]));
    }

    private async Task<Guid> AddAsync(string label)
    {
        var saved = await bunit.Services.GetRequiredService<ConnectionService>().AddAsync(bunit.Member, new ConnectionInput
        {
            Label = label, Environment = KiwoomEnvironment.Mock, AppKey = "app" + Guid.NewGuid().ToString("N"), SecretKey = "secret" + Guid.NewGuid().ToString("N"),
        });
        Assert.Empty(saved.Errors);
        return saved.Id!.Value;
    }

    /// <summary>The circuit's choice exactly as BrokerCircuit makes it, without opening a broker session.</summary>
    private sealed class ChoosingBrokerSessions(ConnectionService connections, ActiveConnectionStore store, AuthenticationStateProvider authentication) : IBrokerSessions
    {
        public event Action<BrokerStatus>? StatusChanged;

        public ConnectionSummary? Connection { get; private set; }

        public IBrokerSession? Session => null;

        public BrokerStatus Status => BrokerStatus.Unavailable(BrokerLinkState.NoConnection, DateTimeOffset.UnixEpoch);

        public async Task<IBrokerSession?> OpenAsync()
        {
            var member = (await authentication.GetAuthenticationStateAsync()).User;
            Connection = BrokerCircuit.ChooseActive(await connections.ListAsync(member), await store.GetAsync(DashboardTestContext.MemberId));
            StatusChanged?.Invoke(Status);
            return null;
        }
    }
}
