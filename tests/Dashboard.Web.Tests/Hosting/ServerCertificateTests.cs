using Dashboard.Web.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.Hosting;

public sealed class ServerCertificateTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dashboard-cert-tests", Guid.NewGuid().ToString("N"));

    private string CertificatePath => Path.Combine(folder, "tls", "self-signed.pfx");

    [Fact]
    public void FirstStartCreatesAnOwnerOnlyCertificateForLocalhost()
    {
        using var certificate = ServerCertificate.LoadOrCreate(CertificatePath, new FakeTimeProvider(DateTimeOffset.UtcNow));

        Assert.True(File.Exists(CertificatePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CertificatePath));
        }

        Assert.True(certificate.HasPrivateKey);
        Assert.True(certificate.MatchesHostname("localhost"));
    }

    [Fact]
    public void LaterStartsReuseTheSameCertificate()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = ServerCertificate.LoadOrCreate(CertificatePath, clock);
        clock.Advance(TimeSpan.FromDays(100));

        using var second = ServerCertificate.LoadOrCreate(CertificatePath, clock);

        Assert.Equal(first.Thumbprint, second.Thumbprint);
    }

    [Fact]
    public void ACertificateWithinThirtyDaysOfExpiryIsReplaced()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = ServerCertificate.LoadOrCreate(CertificatePath, clock);
        clock.Advance(TimeSpan.FromDays(340));

        using var renewed = ServerCertificate.LoadOrCreate(CertificatePath, clock);

        Assert.NotEqual(first.Thumbprint, renewed.Thumbprint);
        Assert.True(renewed.NotAfter.ToUniversalTime() > clock.GetUtcNow().UtcDateTime.AddDays(300));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
