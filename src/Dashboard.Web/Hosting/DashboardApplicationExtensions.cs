using Dashboard.Web.Components;
using Dashboard.Web.Data;
using Dashboard.Web.Localization;
using Dashboard.Web.Operations;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Hosting;

/// <summary>The web app's pipeline and endpoints: <c>app.UseDashboard()</c>, <c>app.MapDashboard()</c>.</summary>
public static class DashboardApplicationExtensions
{
    /// <summary>Middleware in the order security needs: errors, headers, authentication, culture, limits, hub guard.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        WarnAboutOldSimulatorKeys(app);

        // First: everything after it (HTTPS checks, rate-limit partitions, loopback checks) sees the real
        // client and scheme when a trusted proxy terminated TLS.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        if (app.Configuration.GetValue("Dashboard:RedirectToHttps", true))
        {
            app.UseHttpsRedirection();
        }

        app.UseRouting();
        app.UseMiddleware<SecureTransportMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseWebSockets();
        app.UseMiddleware<BlazorHubGuardMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .WithBlazorHubGuards()
            .RequireSecureTransport();
        app.MapAdditionalIdentityEndpoints().RequireSecureTransport();
        app.MapDashboardHealth();
        app.MapGet("/culture/set", (HttpContext context, string culture, string? returnUrl) =>
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(DashboardCultures.Normalize(culture))),
                new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).RequireSecureTransport();
        return app;
    }

    /// <summary>Applies committed migrations, switches SQLite to WAL and makes sure the three roles exist.</summary>
    public static async Task MigrateDashboardDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            var protectedCount = await StoredTokens.ProtectPlainRowsAsync(db, scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), ct);
            if (protectedCount > 0)
            {
                SecurityLog.StoredTokensProtected(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Web.Security"), protectedCount);
            }
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in DashboardRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Role '{role}' could not be created: {string.Join("; ", result.Errors.Select(e => e.Code))}");
                }
            }
        }
    }

    // The simulator's hosting keys moved from "Simulator" to "SimulatorHosting"; the old names still work, and say so.
    private static void WarnAboutOldSimulatorKeys(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CleanShutdown).Namespace!);
        foreach (var key in Connections.SimulatorHostingConfiguration.OldKeysIn(app.Configuration))
        {
            HostingLog.OldSimulatorKey(logger, key, Connections.SimulatorHostingOptions.Section + key[key.IndexOf(':', StringComparison.Ordinal)..]);
        }
    }
}
