using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.EndToEnd.Tests.Market;

/// <summary>
/// The real app on Kestrel on an empty data folder: HTTPS on 127.0.0.1 for the browser (the cookies are
/// __Host-/Secure), and a plain-HTTP loopback listener that the app's own broker sessions use to reach
/// the embedded simulator, because they rightly refuse the throwaway self-signed certificate.
/// </summary>
public sealed class MarketDashboard : WebApplicationFactory<Program>
{
    private readonly X509Certificate2 certificate = CreateCertificate();
    private readonly int simulatorPort = FreeLoopbackPort();

    public MarketDashboard()
    {
        UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
            kestrel.Listen(IPAddress.Loopback, simulatorPort);
        });
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("https://", StringComparison.Ordinal));
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "dashboard-e2e", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseStaticWebAssets();
        builder.UseSetting("Dashboard:DataPath", DataPath);
        builder.UseSetting("Dashboard:RedirectToHttps", "false");
        builder.UseSetting("Simulator:BaseUrl", $"http://127.0.0.1:{simulatorPort}/kiwoom-sim/");
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
            // Leftovers in /tmp are harmless.
        }
    }

    /// <summary>A port the OS just handed out; the listener binds it moments later (the window for a clash is tiny).</summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
