using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Broker;

/// <summary>
/// Lets the server's own broker sessions reach the embedded simulator over this server's HTTPS address
/// when it serves a certificate nobody else trusts (the self-signed one a fresh machine generates, or a
/// configured private one): a certificate that fails normal validation is accepted only if it is exactly
/// the server's own certificate. Every other host, Kiwoom's included, is validated as usual.
/// </summary>
public sealed class OwnCertificatePin
{
    private readonly Lazy<byte[]?> ownHash;

    public OwnCertificatePin(IConfiguration configuration, IHostEnvironment environment) =>
        ownHash = new Lazy<byte[]?>(() => LoadHash(configuration, environment));

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && ownHash.Value is { } own && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), own));

    private static byte[]? LoadHash(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Kestrel:Certificates:Default:Path"];
        var path = !string.IsNullOrEmpty(configured)
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : ServerCertificate.SelfSignedPath(configuration, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            return null;
        }

        using var certificate = path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Kestrel:Certificates:Default:Password"])
            : X509CertificateLoader.LoadCertificateFromFile(path);
        return certificate.GetCertHash(HashAlgorithmName.SHA256);
    }
}
