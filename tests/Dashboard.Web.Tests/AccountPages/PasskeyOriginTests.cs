using Dashboard.Web.Components.Account;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>WebAuthn refuses IP-address origins ("This is an invalid domain"): the passkey UI is not offered there.</summary>
public sealed class PasskeyOriginTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("192.168.0.10", false)]
    [InlineData("[::1]", false)]
    [InlineData("::1", false)]
    [InlineData("localhost", true)]
    [InlineData("dash.example.com", true)]
    public void OnlyDomainNamesCanUsePasskeys(string host, bool possible) =>
        Assert.Equal(possible, PasskeySupport.IsPossible(host));

    [Fact]
    public async Task SignInPageOnAnIpOriginHasNoPasskeyElement()
    {
        var onIp = await GetAsync("Account/Login", "127.0.0.1:5001");
        Assert.DoesNotContain("<passkey-submit", onIp, StringComparison.Ordinal);
        Assert.DoesNotContain("passkey-sign-in", onIp, StringComparison.Ordinal);

        var onName = await GetAsync("Account/Login", "localhost:5001");
        Assert.Contains("<passkey-submit", onName, StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        var response = await factory.CreateClient().SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
