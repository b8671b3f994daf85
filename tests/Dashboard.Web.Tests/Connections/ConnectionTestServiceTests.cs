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
    public async Task WithoutARestClientTheTestSaysItIsUnavailable()
    {
        var id = await TestMembers.CreateAsync(factory.Services, "t@team.test", DashboardRoles.Trader);
        var member = await TestMembers.PrincipalAsync(factory.Services, id);
        var saved = await factory.Services.GetRequiredService<ConnectionService>()
            .AddAsync(member, new ConnectionInput { Label = "Mock", Environment = KiwoomEnvironment.Mock, AppKey = "AK123456789", SecretKey = "SK123456789" });

        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ConnectionTestService>().TestAsync(member, saved.Id!.Value);
        Assert.Equal(ConnectionTestStatus.Unavailable, outcome.Status);
        var listed = Assert.Single(await factory.Services.GetRequiredService<ConnectionService>().ListAsync(member));
        Assert.Equal(BrokerConnectionStatus.Untested, listed.Status);
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
        Assert.Equal(expected, KiwoomErrorAdvice.ResourceKey(new KiwoomError(kind, 3, code, "msg")));
}
