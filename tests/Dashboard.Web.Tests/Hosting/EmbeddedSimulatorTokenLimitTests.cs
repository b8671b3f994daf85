using System.Net;
using System.Net.Http.Json;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>
/// Every member's session reaches the embedded simulator from the dashboard's own address, so its per-address
/// token limit must not refuse a team (re)connecting at once, while callers from other machines stay limited.
/// </summary>
public sealed class EmbeddedSimulatorTokenLimitTests
{
    private const int MoreThanTheLimit = 25;

    [Fact]
    public async Task MoreMembersThanTheLimitConnectFromTheDashboardWithinOneMinute()
    {
        await using var factory = new DashboardFactory();
        using var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var member = 0; member < MoreThanTheLimit; member++)
        {
            using var response = await http.SendAsync(TokenRequest($"SIMMEMBER{member:D3}", "127.0.0.1"));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task AnOpenedSimulatorStillLimitsNewKeysFromAnotherMachine()
    {
        await using var factory = new DashboardFactory(new Dictionary<string, string?> { ["SimulatorHosting:AllowRemote"] = "true" });
        using var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var key = 0; key < MoreThanTheLimit; key++)
        {
            using var response = await http.SendAsync(TokenRequest($"STRANGER{key:D3}", "203.0.113.7"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static HttpRequestMessage TokenRequest(string appKey, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/kiwoom-sim/oauth2/token")
        {
            Content = JsonContent.Create(new { grant_type = "client_credentials", appkey = appKey, secretkey = "secret-" + appKey }),
        };
        request.Headers.Add(TestRemoteAddress.Header, from);
        return request;
    }
}
