using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Dashboard.Web.Security;

/// <summary>
/// When the only thing a signed-in member lacks for a page is two-factor authentication, sends them to
/// set it up instead of to "access denied" (SEC-12). Everything else keeps the default behaviour.
/// </summary>
internal sealed class TwoFactorRedirectResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string EnableTwoFactorPath = "/Account/Manage/EnableAuthenticator";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList();
        if (authorizeResult.Forbidden && failed is { Count: > 0 } && failed.All(r => r is TwoFactorEnabledRequirement))
        {
            context.Response.Redirect(EnableTwoFactorPath);
            return Task.CompletedTask;
        }

        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
