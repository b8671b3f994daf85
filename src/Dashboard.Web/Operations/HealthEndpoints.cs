using System.Net;
using Dashboard.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dashboard.Web.Operations;

/// <summary>
/// <c>/healthz</c>: liveness for anyone (load balancers, container probes): the process answers, no
/// database query, no outbound call, so it cannot be used to make the server do work.
/// <c>/healthz/ready</c>: every registered check (database, key ring, broker sessions, simulator) with
/// descriptions, for signed-in Admins and for callers on this machine only.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadinessPolicy = "Dashboard.HealthDetails";

    public static void AddReadinessPolicy(AuthorizationBuilder authorization) =>
        authorization.AddPolicy(ReadinessPolicy, p => p.RequireAssertion(context =>
            context.User.IsInRole(DashboardRoles.Admin)
            || (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address))));

    public static void MapDashboardHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = static _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .RequireAuthorization(ReadinessPolicy);
    }
}
