using System.Security.Claims;
using Dashboard.Web.Data;

namespace Dashboard.Web.Watchlists;

/// <summary>
/// Who may do what (SEC-13): a personal list is its owner's alone, to read and to change; a team list is
/// read by every member and changed by Admins and Traders.
/// </summary>
public static class WatchlistAccess
{
    /// <summary>The acting member's id; a principal without one is a bug in the caller, not a visitor to let in.</summary>
    public static string MemberId(ClaimsPrincipal member) =>
        member.Identity?.IsAuthenticated == true
            ? member.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The member has no id claim.")
            : throw new UnauthorizedAccessException("Watchlists need a signed-in member.");

    public static bool CanEditTeamLists(ClaimsPrincipal member) =>
        member.IsInRole(DashboardRoles.Admin) || member.IsInRole(DashboardRoles.Trader);

    public static bool CanRead(Watchlist list, string memberId) => list.OwnerId is null || list.OwnerId == memberId;

    public static bool CanEdit(Watchlist list, ClaimsPrincipal member, string memberId) =>
        list.OwnerId is null ? CanEditTeamLists(member) : list.OwnerId == memberId;
}
