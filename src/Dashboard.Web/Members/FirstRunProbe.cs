using Dashboard.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Members;

/// <summary>
/// Knows whether the dashboard still has no account, so the first visit of a fresh install leads to
/// "create the administrator account" instead of a sign-in form nobody can use yet. Once an account
/// exists the answer is remembered: accounts are never all removed (the last admin cannot be deleted),
/// so later sign-in redirects cost no database query.
/// </summary>
public sealed class FirstRunProbe(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public const string RegisterPath = "/Account/Register";

    private volatile bool accountsExist;

    public async Task<bool> IsFirstRunAsync(CancellationToken ct = default)
    {
        if (accountsExist)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        accountsExist = await db.Users.AnyAsync(ct);
        return !accountsExist;
    }

    /// <summary>
    /// Wraps the cookie handler's redirect to the sign-in page: while no account exists it goes to the
    /// registration page instead, keeping the query (the return address).
    /// </summary>
    public static Func<RedirectContext<CookieAuthenticationOptions>, Task> RegisterWhileEmpty(Func<RedirectContext<CookieAuthenticationOptions>, Task> toLogin) =>
        async context =>
        {
            var probe = context.HttpContext.RequestServices.GetRequiredService<FirstRunProbe>();
            if (await probe.IsFirstRunAsync(context.HttpContext.RequestAborted))
            {
                context.RedirectUri = ToRegister(context.RedirectUri);
            }

            await toLogin(context);
        };

    /// <summary>The same address with the registration page's path (absolute or relative input).</summary>
    public static string ToRegister(string redirectUri)
    {
        var queryAt = redirectUri.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? string.Empty : redirectUri[queryAt..];
        // On Unix "/Account/Login" parses as an absolute file: URI, so only http(s) counts as absolute here.
        if (Uri.TryCreate(redirectUri, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute.GetLeftPart(UriPartial.Authority) + RegisterPath + query;
        }

        return RegisterPath + query;
    }
}
