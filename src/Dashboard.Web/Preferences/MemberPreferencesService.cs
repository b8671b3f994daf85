using System.Security.Claims;
using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Preferences;

/// <summary>Loads and saves the acting member's own preferences.</summary>
public sealed class MemberPreferencesService(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<MemberPreferences> GetAsync(ClaimsPrincipal member, CancellationToken ct = default)
    {
        var id = member.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return MemberPreferences.Default;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Users.Where(u => u.Id == id).Select(u => new { u.Culture, u.FlipPriceColors, u.DarkMode }).SingleOrDefaultAsync(ct);
        return row is null ? MemberPreferences.Default : new MemberPreferences(DashboardCultures.Normalize(row.Culture), row.FlipPriceColors, row.DarkMode);
    }

    public async Task SaveAsync(ClaimsPrincipal member, MemberPreferences preferences, CancellationToken ct = default)
    {
        var id = member.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new UnauthorizedAccessException("Preferences need a signed-in member.");
        var culture = DashboardCultures.Normalize(preferences.Culture);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Culture, culture)
            .SetProperty(u => u.FlipPriceColors, preferences.FlipPriceColors)
            .SetProperty(u => u.DarkMode, preferences.DarkMode), ct);
    }
}
