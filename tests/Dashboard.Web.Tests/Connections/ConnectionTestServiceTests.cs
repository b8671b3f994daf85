using Dashboard.Kiwoom;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Connections;

/// <summary>"Test connection": the outcome is recorded, and plain-words advice matches each Kiwoom code.</summary>
public sealed class ConnectionTestServiceTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SimulatorConnectionTestIssuesATokenAndReadsTheAccountNumber()
    {
        var id = await TestMembers.CreateAsync(factory.Services, "t@team.test", DashboardRoles.Trader);
        var member = await TestMembers.PrincipalAsync(factory.Services, id);
        var connections = factory.Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(id);
        var connection = Assert.Single(await connections.ListAsync(member));

        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ConnectionTestService>().TestAsync(member, connection.Id);

        Assert.Equal(ConnectionTestStatus.Succeeded, outcome.Status);
        Assert.True(outcome.TokenExpiresAt > DateTimeOffset.UtcNow);
        Assert.False(string.IsNullOrEmpty(outcome.AccountNumber));
        var listed = Assert.Single(await connections.ListAsync(member));
        Assert.Equal(BrokerConnectionStatus.Verified, listed.Status);
        Assert.Equal(Secrets.MaskAccount(outcome.AccountNumber), listed.AccountMasked);
        Assert.DoesNotContain(outcome.AccountNumber!, listed.AccountMasked);
    }

    [Fact]
    public async Task AnotherMembersConnectionCannotBeTested()
    {
        var ownerId = await TestMembers.CreateAsync(factory.Services, "owner@team.test", DashboardRoles.Trader);
        var otherId = await TestMembers.CreateAsync(factory.Services, "other@team.test", DashboardRoles.Trader);
        var connections = factory.Services.GetRequiredService<ConnectionService>();
        await connections.ProvisionSimulatorAsync(ownerId);
        var owned = Assert.Single(await connections.ListAsync(await TestMembers.PrincipalAsync(factory.Services, ownerId)));

        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ConnectionTestService>()
            .TestAsync(await TestMembers.PrincipalAsync(factory.Services, otherId), owned.Id);
        Assert.Equal(ConnectionTestStatus.NotFound, outcome.Status);
    }

    [Theory]
    [InlineData("8050", KiwoomErrorKind.Authentication, "AdviceRegisterIp")]
    [InlineData("8010", KiwoomErrorKind.Authentication, "AdviceRegisterIp")]
    [InlineData("8030", KiwoomErrorKind.EnvironmentMismatch, "AdviceEnvironmentMismatch")]
    [InlineData("8031", KiwoomErrorKind.EnvironmentMismatch, "AdviceEnvironmentMismatch")]
    [InlineData("8001", KiwoomErrorKind.Authentication, "AdviceWrongKey")]
    [InlineData("8002", KiwoomErrorKind.Authentication, "AdviceWrongKey")]
    [InlineData(null, KiwoomErrorKind.Transport, "AdviceTransport")]
    [InlineData("1999", KiwoomErrorKind.Server, "AdviceOther")]
    public void EachKiwoomCodeGetsItsAdvice(string? code, KiwoomErrorKind kind, string expected) =>
        Assert.Equal(expected, KiwoomErrorAdviceText.ResourceKey(new KiwoomError(kind, 3, code, "msg")));
}
