using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Dashboard.Web.Tests.Broker;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.ScaleOut.Tests;

/// <summary>
/// nginx terminating real TLS (a throwaway self-signed certificate made by openssl at test time) in front of the
/// dashboard on plain HTTP, as a deployment runs it: the sign-in page answers over HTTPS, the antiforgery cookie
/// is Secure (the app believes the forwarded scheme), the circuit's WebSocket upgrades through TLS, and the login
/// rate limit partitions by the client's address from X-Forwarded-For, not by nginx's.
/// </summary>
public sealed class NginxTlsTests : IAsyncLifetime
{
    private const int LoginPermits = 3;
    private KestrelDashboardFactory dashboard = null!;
    private LoopbackNginx nginx = null!;

    public async Task InitializeAsync()
    {
        dashboard = new KestrelDashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:LoginPermitsPerWindow"] = LoginPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dashboard:LoginWindow"] = "00:10:00",
        });
        dashboard.StartServer();
        var address = new Uri(dashboard.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Assert.Equal(Uri.UriSchemeHttp, address.Scheme);
        nginx = await LoopbackNginx.StartAsync([address], tls: true);
    }

    public async Task DisposeAsync()
    {
        await nginx.DisposeAsync();
        await dashboard.DisposeAsync();
    }

    [Fact]
    public async Task TheSignInPageAnswersOverTlsWithASecureAntiforgeryCookie()
    {
        using var client = Client("127.0.0.1");

        using var response = await client.GetAsync("Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Uri.UriSchemeHttps, response.RequestMessage!.RequestUri!.Scheme);
        var name = dashboard.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie.Name;
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheCircuitWebSocketUpgradesThroughTheTlsProxy()
    {
        using var client = Client("127.0.0.1");
        using var negotiate = await client.PostAsync("_blazor/negotiate?negotiateVersion=1", content: null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        using var body = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.RemoteCertificateValidationCallback = IsNginxCertificate;
        await socket.ConnectAsync(new Uri($"wss://{nginx.Address.Authority}/_blazor?id={token}"), CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
    }

    /// <summary>
    /// Two clients reach nginx from two loopback addresses (127.0.0.2 and 127.0.0.3); the app only ever sees nginx
    /// (127.0.0.1) on its socket. One client spends the login budget and gets 429; the other still does not.
    /// Were the limiter keyed on nginx's address, the second client would be refused too.
    /// </summary>
    [Fact]
    public async Task TheLoginRateLimitSeesTheClientAddressForwardedByNginx()
    {
        using var first = Client("127.0.0.2");
        using var second = Client("127.0.0.3");
        var statuses = new List<HttpStatusCode>();
        for (var k = 0; k <= LoginPermits; k++)
        {
            statuses.Add(await PostLoginAsync(first));
        }

        Assert.All(statuses[..LoginPermits], s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostLoginAsync(second));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostLoginAsync(first));
    }

    private static async Task<HttpStatusCode> PostLoginAsync(HttpClient client)
    {
        // No antiforgery token: the app answers 400 unless the limiter refused first with 429.
        using var response = await client.PostAsync("Account/Login", new FormUrlEncodedContent([new("Input.Email", "nobody@team.test"), new("Input.Password", "not the password")]));
        return response.StatusCode;
    }

    /// <summary>An HTTPS client that connects from <paramref name="source"/> and trusts only this run's nginx certificate.</summary>
    private HttpClient Client(string source) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = IsNginxCertificate },
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = nginx.Address,
    };

    private bool IsNginxCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && nginx.Certificate is { } expected && certificate.GetCertHashString() == expected.Thumbprint;
}
