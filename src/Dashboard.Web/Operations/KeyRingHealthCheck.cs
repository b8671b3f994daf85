using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Operations;

/// <summary>The Data Protection key ring can protect and unprotect, i.e. stored credentials are usable.</summary>
internal sealed class KeyRingHealthCheck(IDataProtectionProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var protector = provider.CreateProtector("Dashboard.HealthCheck");
        try
        {
            var ok = protector.Unprotect(protector.Protect("ok")) == "ok";
            return Task.FromResult(ok ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The key ring round trip failed."));
        }
        catch (CryptographicException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The key ring cannot protect data."));
        }
    }
}
