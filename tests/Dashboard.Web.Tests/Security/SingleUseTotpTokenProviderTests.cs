using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Security;

/// <summary>SEC-11: a code works once, and only within the current or previous 30-second step.</summary>
public sealed class SingleUseTotpTokenProviderTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    private AsyncServiceScope scope;
    private UserManager<ApplicationUser> users = default!;
    private ApplicationUser user = default!;
    private SingleUseTotpTokenProvider provider = default!;
    private byte[] secret = [];

    public async Task InitializeAsync()
    {
        var id = await TestMembers.CreateAsync(factory.Services, "otp@team.test", DashboardRoles.Trader, twoFactor: true);
        scope = factory.Services.CreateAsyncScope();
        users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        user = (await users.FindByIdAsync(id))!;
        secret = Base32.Decode((await users.GetAuthenticatorKeyAsync(user))!);
        provider = new SingleUseTotpTokenProvider(scope.ServiceProvider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(), time);
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await factory.DisposeAsync();
    }

    private string CodeAt(DateTimeOffset at) => SingleUseTotpTokenProvider.ComputeCode(secret, at).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CurrentCodeIsAcceptedOnce()
    {
        var code = CodeAt(time.GetUtcNow());
        Assert.True(await provider.ValidateAsync("TwoFactor", code, users, user));
        Assert.False(await provider.ValidateAsync("TwoFactor", code, users, user));
    }

    [Fact]
    public async Task CodeFromThePreviousStepIsStillAccepted()
    {
        var code = CodeAt(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await provider.ValidateAsync("TwoFactor", code, users, user));
    }

    [Fact]
    public async Task CodeTwoStepsOldIsRejected()
    {
        var code = CodeAt(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await provider.ValidateAsync("TwoFactor", code, users, user));
    }

    [Fact]
    public async Task CodeFromTheFutureIsRejected()
    {
        var code = CodeAt(time.GetUtcNow().AddSeconds(30));
        Assert.False(await provider.ValidateAsync("TwoFactor", code, users, user));
    }

    [Fact]
    public async Task OlderCodeIsRejectedAfterANewerOneWasUsed()
    {
        var older = CodeAt(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await provider.ValidateAsync("TwoFactor", CodeAt(time.GetUtcNow()), users, user));
        Assert.False(await provider.ValidateAsync("TwoFactor", older, users, user));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("1234567")]
    public async Task MalformedCodesAreRejected(string code) =>
        Assert.False(await provider.ValidateAsync("TwoFactor", code, users, user));

    [Fact]
    public void Rfc6238ReferenceVectorMatches()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) -> 287082 with 6 digits.
        var rfcSecret = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(287082, SingleUseTotpTokenProvider.ComputeCode(rfcSecret, DateTimeOffset.FromUnixTimeSeconds(59)));
    }
}
