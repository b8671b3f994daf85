using System.Net;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the app is reached over plain HTTP: a trusted proxy's X-Forwarded-Proto and
/// X-Forwarded-For are honoured; anything else gets a page that explains HTTPS is required, not a 500.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "203.0.113.9";

    private readonly DashboardFactory factory = new(new Dictionary<string, string?>
    {
        ["Dashboard:ReverseProxy:KnownProxies:0"] = Proxy,
        ["Dashboard:LoginPermitsPerWindow"] = "1",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private HttpClient PlainHttpClient()
    {
        var client = factory.CreateClient();
        client.BaseAddress = new Uri("http://dashboard.test/");
        return client;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string from, string? forwardedProto = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(TestRemoteAddress.Header, from);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    [Theory]
    [InlineData("Account/Login")]
    [InlineData("")]
    [InlineData("Account/Register/")]
    public async Task PlainHttpFromAnUntrustedSourceGetsAClearPageNotA500(string path)
    {
        var response = await PlainHttpClient().SendAsync(Request(HttpMethod.Get, path, Stranger));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("HTTPS required", body);
        Assert.Contains("Dashboard:ReverseProxy:KnownProxies", body);
    }

    [Fact]
    public async Task ForwardedProtoFromAnUntrustedSourceIsIgnored()
    {
        var response = await PlainHttpClient().SendAsync(Request(HttpMethod.Get, "Account/Login", Stranger, forwardedProto: "https"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ATrustedProxyThatTerminatedTlsGetsThePage()
    {
        var response = await PlainHttpClient().SendAsync(Request(HttpMethod.Get, "Account/Login", Proxy, forwardedProto: "https", forwardedFor: "198.51.100.20"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-dashboard-af=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheForwardedClientAddressIsWhatTheRateLimitCounts()
    {
        var client = PlainHttpClient();
        async Task<HttpStatusCode> PostAsync(string client2) =>
            (await client.SendAsync(WithForm(Request(HttpMethod.Post, "Account/Login", Proxy, "https", client2)))).StatusCode;

        var first = await PostAsync("198.51.100.20");
        var otherClient = await PostAsync("198.51.100.21");
        var firstAgain = await PostAsync("198.51.100.20");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain);
    }

    [Fact]
    public async Task LivenessAnswersOverPlainHttp()
    {
        var response = await PlainHttpClient().SendAsync(Request(HttpMethod.Get, "healthz", Stranger));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Dashboard:ReverseProxy:KnownProxies:0", "nginx.internal")]
    [InlineData("Dashboard:ReverseProxy:KnownNetworks:0", "10.0.0.0/99")]
    public async Task AMistypedProxySettingStopsTheStart(string key, string value)
    {
        await using var broken = new DashboardFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => broken.Services);

        Assert.Contains(value, Unwrap(error).Message);
    }

    private static Exception Unwrap(Exception error) => error is OptionsValidationException || error.InnerException is null ? error : Unwrap(error.InnerException);

    private static HttpRequestMessage WithForm(HttpRequestMessage request)
    {
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "nobody@team.test" });
        return request;
    }
}
