using Dashboard.Kiwoom;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Connections;

/// <summary>SEC-13 (owner filtering) and SEC-15 (encryption at rest, per-member purpose, lost key ring).</summary>
public sealed class ConnectionServiceTests : IAsyncLifetime
{
    private const string AppKey = "AK7f3c9e2b1d4a6058TESTAPPKEY";
    private const string SecretKey = "SKd41b8e7c2a9f6031TESTSECRET";

    private readonly DashboardFactory factory = new();
    private ConnectionService service = default!;
    private System.Security.Claims.ClaimsPrincipal alice = default!;
    private System.Security.Claims.ClaimsPrincipal bob = default!;
    private string aliceId = default!;

    public async Task InitializeAsync()
    {
        aliceId = await TestMembers.CreateAsync(factory.Services, "alice@team.test", DashboardRoles.Trader);
        var bobId = await TestMembers.CreateAsync(factory.Services, "bob@team.test", DashboardRoles.Trader);
        alice = await TestMembers.PrincipalAsync(factory.Services, aliceId);
        bob = await TestMembers.PrincipalAsync(factory.Services, bobId);
        service = factory.Services.GetRequiredService<ConnectionService>();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task<ConnectionSaveResult> AddAliceConnectionAsync() =>
        service.AddAsync(alice, new ConnectionInput { Label = "Mock", Environment = KiwoomEnvironment.Mock, AppKey = AppKey, SecretKey = SecretKey });

    [Fact]
    public async Task StoredColumnsAreCiphertextAndRoundTrip()
    {
        var saved = await AddAliceConnectionAsync();
        Assert.True(saved.Succeeded);

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync())
        {
            var row = await db.BrokerConnections.SingleAsync(c => c.Id == saved.Id);
            Assert.DoesNotContain(AppKey, row.ProtectedAppKey);
            Assert.DoesNotContain(SecretKey, row.ProtectedSecretKey);
            Assert.Equal("••••PKEY", row.AppKeyHint);
        }

        // The database file itself holds neither secret.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataPath, "dashboard.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(AppKey, text);
            Assert.DoesNotContain(SecretKey, text);
        }

        var unlocked = await service.UnlockAsync(alice, saved.Id!.Value);
        Assert.Equal(AppKey, unlocked.Credential!.AppKey);
        Assert.Equal(SecretKey, unlocked.Credential.SecretKey);
        Assert.Equal(KiwoomEnvironment.Mock, unlocked.Credential.Environment);
    }

    [Fact]
    public async Task AnotherMembersProtectorCannotReadTheCiphertext()
    {
        var protector = factory.Services.GetRequiredService<CredentialProtector>();
        var ciphertext = protector.Protect("owner-a", SecretKey);
        Assert.True(protector.TryUnprotect("owner-a", ciphertext, out var plain));
        Assert.Equal(SecretKey, plain);
        Assert.False(protector.TryUnprotect("owner-b", ciphertext, out _));
    }

    [Fact]
    public async Task AnotherMemberCanNeitherSeeNorUseNorChangeNorDeleteTheConnection()
    {
        var saved = await AddAliceConnectionAsync();
        var id = saved.Id!.Value;

        Assert.Empty(await service.ListAsync(bob));
        Assert.True((await service.UnlockAsync(bob, id)).NotFound);
        Assert.False((await service.UpdateAsync(bob, id, new ConnectionInput { Label = "mine now", Environment = KiwoomEnvironment.Mock })).Succeeded);
        Assert.False(await service.DeleteAsync(bob, id));

        var aliceView = Assert.Single(await service.ListAsync(alice));
        Assert.Equal("Mock", aliceView.Label);
    }

    [Fact]
    public async Task LostKeyRingMarksTheConnectionForReentryWithoutCrashing()
    {
        var saved = await AddAliceConnectionAsync();

        // A service over a brand-new key ring stands in for a server whose keys folder was lost.
        var freshRing = new CredentialProtector(new EphemeralDataProtectionProvider());
        var afterLoss = new ConnectionService(
            factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(),
            freshRing,
            new SimulatorAddress(factory.Services.GetRequiredService<IOptions<SimulatorHostingOptions>>(), factory.Services.GetRequiredService<IServer>()),
            TimeProvider.System);

        var listed = Assert.Single(await afterLoss.ListAsync(alice));
        Assert.Equal(BrokerConnectionStatus.NeedsReentry, listed.Status);
        Assert.True((await afterLoss.UnlockAsync(alice, saved.Id!.Value)).NeedsReentry);

        // Re-entering the keys makes it usable again under the new ring.
        var reentered = await afterLoss.UpdateAsync(alice, saved.Id.Value, new ConnectionInput { Label = "Mock", Environment = KiwoomEnvironment.Mock, AppKey = AppKey, SecretKey = SecretKey });
        Assert.True(reentered.Succeeded);
        Assert.Equal(SecretKey, (await afterLoss.UnlockAsync(alice, saved.Id.Value)).Credential!.SecretKey);
    }

    [Fact]
    public async Task ReentryIsRequiredBeforeAnEditWithoutKeysIsAccepted()
    {
        var saved = await AddAliceConnectionAsync();
        var afterLoss = new ConnectionService(
            factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(),
            new CredentialProtector(new EphemeralDataProtectionProvider()),
            new SimulatorAddress(factory.Services.GetRequiredService<IOptions<SimulatorHostingOptions>>(), factory.Services.GetRequiredService<IServer>()),
            TimeProvider.System);
        await afterLoss.ListAsync(alice);

        var labelOnly = await afterLoss.UpdateAsync(alice, saved.Id!.Value, new ConnectionInput { Label = "Renamed", Environment = KiwoomEnvironment.Mock });
        Assert.False(labelOnly.Succeeded);
        Assert.Equal(2, labelOnly.Errors.Count);
    }

    [Theory]
    [InlineData("", "AK", "SK", 1)]
    [InlineData("ok", "", "", 2)]
    [InlineData("ok", "bad key!", "SK", 1)]
    public async Task InvalidInputIsRefusedByTheService(string label, string appKey, string secret, int errors)
    {
        var result = await service.AddAsync(alice, new ConnectionInput { Label = label, Environment = KiwoomEnvironment.Mock, AppKey = appKey, SecretKey = secret });
        Assert.False(result.Succeeded);
        Assert.Equal(errors, result.Errors.Count);
        Assert.Empty(await service.ListAsync(alice));
    }

    [Fact]
    public async Task SimulatorConnectionsGetTheSimulatorAddress()
    {
        await service.ProvisionSimulatorAsync(aliceId);
        var listed = Assert.Single(await service.ListAsync(alice));
        var unlocked = await service.UnlockAsync(alice, listed.Id);
        Assert.Equal(KiwoomEnvironment.Simulator, unlocked.Credential!.Environment);
        Assert.Equal(new Uri("https://dashboard.test/kiwoom-sim/"), unlocked.Credential.RestBase);
    }
}
