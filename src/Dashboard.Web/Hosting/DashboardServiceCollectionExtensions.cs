using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Kiwoom.DependencyInjection;
using Dashboard.Web.Alerts;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Connections;
using Dashboard.Web.Data;
using Dashboard.Web.Identity;
using Dashboard.Web.Localization;
using Dashboard.Web.Market.Polling;
using Dashboard.Web.Members;
using Dashboard.Web.Operations;
using Dashboard.Web.Preferences;
using Dashboard.Web.Security;
using Dashboard.Web.Shell;
using Dashboard.Web.Vi;
using Dashboard.Web.Watchlists;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web.Hosting;

/// <summary>Composition of the web app's services: <c>builder.AddDashboard()</c> in Program.cs.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            // The defaults (loopback) stay: a proxy on the same machine is the common setup.
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddOptions<SimulatorHostingOptions>().Configure<IConfiguration>((o, configuration) => SimulatorHostingConfiguration.Bind(configuration, o)).ValidateOnStart();
        services.Configure<ShellOptions>(_ => { });
        services.TryAddSingleton(TimeProvider.System);

        var options = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var dataPath = options.ResolveDataPath(builder.Environment.ContentRootPath);
        OwnerOnly.TightenTree(dataPath);

        builder.AddDashboardDatabase(dataPath);
        builder.AddDashboardIdentity(options);
        builder.AddDashboardDataProtection(dataPath, options);
        builder.AddDashboardBlazor();
        builder.AddDashboardRateLimits(options);
        builder.AddDashboardLocalization();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<KeyRingHealthCheck>("keyring");

        services.AddSingleton<CredentialProtector>();
        services.AddSingleton<SimulatorAddress>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<ActiveConnectionStore>();
        // The REST client (token source, rate limiter) backs "test connection" and, later, live sessions.
        services.AddKiwoomClient();
        services.TryAddSingleton<IAccountNumberSource, RestAccountNumberSource>();
        services.TryAddSingleton<IConnectionTester, TokenSourceConnectionTester>();
        services.AddScoped<ConnectionTestService>();
        services.AddSingleton<FirstRunGate>();
        services.AddSingleton<FirstRunProbe>();
        services.AddSingleton<SetupCode>();
        services.AddHostedService<SetupCodeAnnouncer>();
        services.AddSingleton<LastAdminGuard>();
        services.AddSingleton<MemberSignOutSignal>();
        services.AddScoped<MemberRegistration>();
        services.AddScoped<MemberAdministration>();
        services.AddScoped<MemberPreferencesService>();
        services.AddWatchlists();
        services.AddViAlerts();
        services.AddAlerts();
        services.AddMarketScreens();

        // REL-10: sessions closed and tokens revoked while the services exist, and a stop that ends in time.
        services.AddHostedService<CleanShutdown>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = CleanShutdown.HostShutdownTimeout);
        return builder;
    }

    private static void AddDashboardIdentity(this WebApplicationBuilder builder, DashboardOptions options)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorTokenProvider = SingleUseTotpTokenProvider.ProviderName;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddUserStore<ProtectedTokenUserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseTotpTokenProvider>(SingleUseTotpTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddLocalizedErrors()
            .AddClaimsPrincipalFactory<DashboardClaimsPrincipalFactory>();

        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();

        // Every request re-checks the security stamp: requests are rare in Blazor Server, and a disabled
        // member's cookie must stop working at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = SessionLimits.KeepSignInTimeAsync;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "__Host-dashboard";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = options.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = SessionLimits.StampSignInTimeAsync;
            // A fresh install has nobody to sign in: send the first visit to "create the administrator".
            o.Events.OnRedirectToLogin = FirstRunProbe.RegisterWhileEmpty(o.Events.OnRedirectToLogin);
            o.Events.OnValidatePrincipal = async context =>
            {
                if (await SessionLimits.RejectPastAbsoluteLimitAsync(context))
                {
                    return;
                }

                await validateStamp(context);
            };
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = "__Host-dashboard-" + scheme.Replace("Identity.", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
                o.Cookie.Path = "/";
            });
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-dashboard-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.Path = "/";
        });

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TwoFactorEnabledHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorRedirectResultHandler>();
        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicies.Admin, p => p.RequireRole(DashboardRoles.Admin).AddRequirements(new TwoFactorEnabledRequirement()))
            .AddPolicy(DashboardPolicies.Trade, p => p.RequireRole(DashboardRoles.Admin, DashboardRoles.Trader))
            .AddPolicy(DashboardPolicies.TradeLive, p => p.RequireRole(DashboardRoles.Admin, DashboardRoles.Trader).AddRequirements(new TwoFactorEnabledRequirement()));
        HealthEndpoints.AddReadinessPolicy(authorization);

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
    }

    private static void AddDashboardDataProtection(this WebApplicationBuilder builder, string dataPath, DashboardOptions options)
    {
        var keysPath = Path.Combine(dataPath, "keys");
        OwnerOnly.CreateFolder(keysPath);

        // Resolved now, so a production start without a separate secret stops at once with what to do.
        var secret = KeyRingSecret.Resolve(builder.Configuration[KeyRingSecret.ValueSetting], options.KeyRingSecretPath, dataPath, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(secret);
        builder.Services.AddDataProtection().SetApplicationName("KiwoomTeamDashboard");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new OwnerOnlyXmlRepository(new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                new DirectoryInfo(keysPath), sp.GetRequiredService<ILoggerFactory>()));
            o.XmlEncryptor = new KeyRingXmlEncryptor(secret);
        }));
    }

    private static void AddDashboardBlazor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DetailedErrors = builder.Environment.IsDevelopment();
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(o =>
            {
                o.MaximumReceiveMessageSize = 32 * 1024;
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
            });
        services.AddMudServices();
        services.AddSingleton<MemberCircuitCounter>();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitActivityHandler>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, MemberCircuitHandler>();
    }

    private static void AddDashboardRateLimits(this WebApplicationBuilder builder, DashboardOptions options)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // A 429 is the answer; re-executing it as the not-found page would turn it into something else.
                if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.LoginWindow;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<RateLimiterOptions>>();
                SecurityLog.RateLimited(logger, context.HttpContext.Request.Path.Value ?? string.Empty);
                return ValueTask.CompletedTask;
            };
            RequestRateLimits.AddPolicies(o, options);
        });
    }

    private static void AddDashboardLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = DashboardCultures.Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DashboardCultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only an explicit choice counts: the saved cookie, then the member's saved setting; Korean otherwise.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new MemberCultureProvider()];
        });
    }
}
