using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Sign-in needs HTTPS (<c>__Host-</c> cookies, secure antiforgery), and a fresh machine has no
/// developer certificate. When the host listens on an https:// address and no certificate is
/// configured (<c>Kestrel:Certificates:Default:Path</c>), it creates a self-signed one for this
/// machine's names once, keeps it in the data folder (owner-only permissions) and reuses it until
/// 30 days before it expires. A real deployment configures its own certificate instead.
/// </summary>
public static class ServerCertificate
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public static WebApplicationBuilder UseSelfSignedCertificateWhenNoneConfigured(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty;
        var configured = builder.Configuration["Kestrel:Certificates:Default:Path"];
        if (!urls.Contains("https://", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(configured))
        {
            return builder;
        }

        var certificate = LoadOrCreate(SelfSignedPath(builder.Configuration, builder.Environment.ContentRootPath), TimeProvider.System);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        return builder;
    }

    /// <summary>Where the generated certificate lives: <c>&lt;data&gt;/tls/self-signed.pfx</c>.</summary>
    public static string SelfSignedPath(IConfiguration configuration, string contentRootPath) =>
        Path.Combine(Path.GetFullPath(configuration["Dashboard:DataPath"] ?? "data", contentRootPath), "tls", "self-signed.pfx");

    internal static X509Certificate2 LoadOrCreate(string path, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (existing.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore)
            {
                return existing;
            }

            existing.Dispose();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Kiwoom Team Dashboard (self-signed)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(MachineNames());
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        var pfx = created.Export(X509ContentType.Pfx);
        File.WriteAllBytes(path, pfx);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }

    private static X509Extension MachineNames()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        var host = Dns.GetHostName();
        if (!string.IsNullOrWhiteSpace(host) && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            names.AddDnsName(host);
        }

        return names.Build();
    }
}
