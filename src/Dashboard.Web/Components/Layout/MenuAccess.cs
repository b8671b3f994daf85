using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// Which menu links a member sees, decided once per authentication state by the rules the menus' AuthorizeViews had
/// (signed in; the Trade policy; the Admin and Auditor roles), instead of one AuthorizeView component per rule per circuit.
/// </summary>
internal readonly record struct MenuAccess(bool Member, bool Trade, bool Admin, bool Auditor)
{
    public static async Task<MenuAccess> OfAsync(Task<AuthenticationState>? authentication, IAuthorizationService authorization)
    {
        var user = authentication is null ? null : (await authentication).User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return default;
        }

        var trade = (await authorization.AuthorizeAsync(user, DashboardPolicies.Trade)).Succeeded;
        return new MenuAccess(true, trade, user.IsInRole(DashboardRoles.Admin), user.IsInRole(DashboardRoles.Auditor));
    }
}
