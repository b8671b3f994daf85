using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// The real app on Kestrel, HTTPS on a free 127.0.0.1 port, in the Production environment, on an empty
/// temporary data folder. Its throwaway self-signed certificate is stored where the host keeps the one it
/// generates on a fresh machine (data/tls/self-signed.pfx), so the app's own broker sessions reach the
/// embedded simulator at the server's HTTPS address exactly as they do after `dotnet run`.
/// </summary>
public sealed class LiveDashboard : WebApplicationFactory<Program>
{
    private readonly X509Certificate2 certificate;

    public LiveDashboard()
    {
        certificate = CreateCertificate(Path.Combine(DataPath, "tls", "self-signed.pfx"));
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "dashboard-e2e", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; }

    /// <summary>The one-time setup code the host printed at start for the first account (event 5008), as an operator reads it off the console.</summary>
    public string SetupCode => Services.GetFakeLogCollector().GetSnapshot()
        .Single(r => r.Id.Id == 5008).StructuredState!.Single(p => p.Key == "SetupCode").Value!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        // Runs from the build output, not a publish folder: serve the libraries' assets from their manifests.
        builder.UseStaticWebAssets();
        builder.UseSetting("Dashboard:DataPath", DataPath);
        builder.UseSetting("Dashboard:KeyRingSecret", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Dashboard:RedirectToHttps", "false");
        builder.UseSetting("Dashboard:CircuitRevalidationInterval", "00:00:03");
        // No VI starts by itself: a journey that needs one triggers it through the control surface, and no step waits
        // two and a half minutes for a VI nobody asked for to end.
        builder.UseSetting("Simulator:SpontaneousVi", "false");
        builder.ConfigureLogging(logging => logging.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false));
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

    private static X509Certificate2 CreateCertificate(string path)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = created.Export(X509ContentType.Pfx);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
