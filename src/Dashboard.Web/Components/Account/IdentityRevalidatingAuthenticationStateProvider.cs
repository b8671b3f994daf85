using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Dashboard.Web.Data;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;

namespace Dashboard.Web.Components.Account;

// Revalidates the security stamp and the disabled flag of the connected member every few seconds, and
// signs the circuit out at once when an admin disables the member in this process (SEC-23).
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly MemberSignOutSignal signOutSignal;
    private readonly ILogger logger;
    private readonly TimeSpan interval;
    private readonly DashboardOptions limits;
    private readonly CircuitActivity activity;
    private readonly TimeProvider time;
    private readonly CancellationToken hostStopping;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<DashboardOptions> dashboardOptions,
        MemberSignOutSignal signOutSignal,
        CircuitActivity activity,
        TimeProvider time,
        IHostApplicationLifetime hostLifetime)
        : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.signOutSignal = signOutSignal;
        logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();
        interval = dashboardOptions.Value.CircuitRevalidationInterval;
        limits = dashboardOptions.Value;
        this.activity = activity;
        this.time = time;
        hostStopping = hostLifetime.ApplicationStopping;
        signOutSignal.SignOutRequested += OnSignOutRequested;
    }

    protected override TimeSpan RevalidationInterval => interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        RevalidateAsync(authenticationState, cancellationToken);

    /// <summary>
    /// False (the circuit signs out) when the member is gone, disabled or re-stamped, when the circuit has been
    /// idle longer than the idle limit, or when the sign-in is older than the absolute limit: the cookie's
    /// limits only apply to HTTP requests, and an open circuit makes none.
    /// </summary>
    internal async Task<bool> RevalidateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A stopping host disposes its services under circuits that outlive it (a disconnected circuit is kept for
        // minutes, its loop still ticking): there is nothing left to check against, and the circuit ends with the
        // process. Without this every open circuit logged an ObjectDisposedException as a failed revalidation.
        if (hostStopping.IsCancellationRequested)
        {
            return true;
        }

        try
        {
            return await CheckAsync(authenticationState);
        }
        catch (ObjectDisposedException) when (hostStopping.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task<bool> CheckAsync(AuthenticationState authenticationState)
    {
        var now = time.GetUtcNow();
        var userId = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.UserIdClaimType) ?? "unknown";
        if (now - activity.Last > limits.IdleTimeout)
        {
            SecurityLog.CircuitSessionExpired(logger, userId, "idle");
            return false;
        }

        if (SessionLimits.IsPastAbsoluteLimit(authenticationState.User, now, limits.AbsoluteTimeout))
        {
            SecurityLog.CircuitSessionExpired(logger, userId, "absolute");
            return false;
        }

        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    protected override void Dispose(bool disposing)
    {
        signOutSignal.SignOutRequested -= OnSignOutRequested;
        base.Dispose(disposing);
    }

    private async void OnSignOutRequested(string userId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(options.Value.ClaimsIdentity.UserIdClaimType) == userId)
            {
                SecurityLog.CircuitSignedOut(logger, userId);
                SetAuthenticationState(Task.FromResult(SignedOut));
            }
        }
        catch (InvalidOperationException)
        {
            // The circuit has no authentication state yet; the periodic revalidation covers it.
        }
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
