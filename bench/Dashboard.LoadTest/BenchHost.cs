using System.Globalization;
using System.Security.Claims;
using Dashboard.Web.Broker;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.LoadTest;

/// <summary>
/// The real dashboard (Program.cs, Production environment) on Kestrel at 127.0.0.1 with its embedded
/// simulator in the fixed-tick-rate mode, emit timestamps on, on a fresh temporary data folder. Members
/// are created through the app's own services and signed in by an auth cookie the app's own cookie
/// options protect, so no login form (or its rate limit) is in the way.
/// </summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private int members;

    public BenchHost(double ticksPerSecondPerSymbol, IReadOnlyList<string> symbols, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "dashboard-bench", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>
        {
            ["Dashboard:DataPath"] = DataPath,
            // Production refuses a key-ring secret beside the data; a throwaway run gets a throwaway secret.
            ["Dashboard:KeyRingSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Dashboard:RedirectToHttps"] = "false",
            ["SimulatorHosting:BaseUrl"] = "",
            ["Simulator:EmitTimestamps"] = "true",
            ["Simulator:FixedTicksPerSecond"] = ticksPerSecondPerSymbol.ToString(CultureInfo.InvariantCulture),

            // Every member's session logs in from this one loopback address within a minute, and every
            // headless tab connects from it: the per-address limits are for the internet, not this run.
            ["Simulator:TokenIssuesPerMinutePerAddress"] = "100000",
            ["Dashboard:CircuitConnectPermitsPerWindow"] = "10000",

            // A finished phase's sessions close quickly so the next phase starts from none.
            ["Broker:GracePeriod"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Error",
        };
        for (var k = 0; k < symbols.Count; k++)
        {
            settings[$"Simulator:FixedTickCodes:{k}"] = symbols[k];
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // HTTPS as in a deployment (the pages and the hub refuse plain HTTP), with a throwaway certificate
        // stored where the host keeps the one it generates, so its own sessions reach the simulator too.
        certificate = CreateCertificate(Path.Combine(DataPath, "tls", "self-signed.pfx"));
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
    }

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;

    public string DataPath { get; }

    public Uri Address { get; private set; } = default!;

    public BrokerMetrics Metrics => Services.GetRequiredService<BrokerMetrics>();

    public BrokerSessionRegistry Registry => Services.GetRequiredService<BrokerSessionRegistry>();

    /// <summary>The live options object the pages read; the benchmark flips its baseline switch between phases.</summary>
    public BrokerOptions BrokerOptions => Services.GetRequiredService<IOptions<BrokerOptions>>().Value;

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
        if (!System.Net.IPAddress.IsLoopback(System.Net.Dns.GetHostAddresses(Address.Host)[0]))
        {
            throw new InvalidOperationException($"The benchmark stays on loopback; the host listens on {Address}.");
        }
    }

    /// <summary>Creates members (Viewer role, the simulator connection every new member gets) and returns a signed-in cookie header for each.</summary>
    public async Task<IReadOnlyList<string>> CreateMembersAsync(int count) =>
        [.. (await CreateMemberRecordsAsync(count)).Select(m => m.Cookie)];

    /// <summary>
    /// Creates members with the simulator connection every new member gets: each with a signed-in cookie
    /// header, and (when <paramref name="password"/> is given) a password a browser can sign in with.
    /// </summary>
    public async Task<IReadOnlyList<BenchMember>> CreateMemberRecordsAsync(int count, string? password = null, string role = DashboardRoles.Viewer)
    {
        var created = new List<BenchMember>(count);
        var cookieOptions = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var connections = Services.GetRequiredService<ConnectionService>();
        for (var k = 0; k < count; k++)
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var n = Interlocked.Increment(ref members);
            var user = new ApplicationUser { UserName = $"bench{n}@team.test", Email = $"bench{n}@team.test", EmailConfirmed = true };
            Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            await connections.ProvisionSimulatorAsync(user.Id);
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
            var connection = (await connections.ListAsync(principal)).Single().Id;
            var cookie = cookieOptions.Cookie.Name + "=" + Protect(principal.Clone(), cookieOptions);
            created.Add(new BenchMember(user.Email, cookie, principal, user.Id, connection));
        }

        return created;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseContentRoot(RepositoryRoot());

        // Runs from the build output, not a publish folder: serve the libraries' assets from their manifests.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        certificate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// The cookie a sign-in would set. The sign-in time is stamped the way the app's OnSigningIn does
    /// (SessionLimits' claim and item names, internal to the web app, repeated here), or its absolute-session
    /// check would reject the cookie and every page would redirect to the login.
    /// </summary>
    private string Protect(ClaimsPrincipal principal, CookieAuthenticationOptions options)
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedIn = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("dashboard:signed_in_at", signedIn));
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) };
        properties.Items["dashboard.signedInAt"] = signedIn;
        return options.TicketDataFormat.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme));
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 CreateCertificate(string path)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = created.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pfx);
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(pfx, null);
    }

    /// <summary>The folder of Dashboard.csproj (appsettings.json, wwwroot), found upwards from the build output.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository's build output (Dashboard.csproj not found above it).");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Creating a bench member failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A member the bench created: sign-in cookie, principal for in-process service calls, own simulator connection.</summary>
internal sealed record BenchMember(string Email, string Cookie, ClaimsPrincipal Principal, string UserId, Guid ConnectionId);
