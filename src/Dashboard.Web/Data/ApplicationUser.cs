using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Data;

/// <summary>A team member: the Identity user plus the preferences the shell applies.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>Set by an admin; a disabled member cannot sign in and their open circuits are closed.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>UI culture name: "ko" (default) or "en".</summary>
    [PersonalData]
    public string Culture { get; set; } = DashboardCultures.Default;

    /// <summary>False keeps the Korean convention (red up, blue down); true flips it.</summary>
    [PersonalData]
    public bool FlipPriceColors { get; set; }

    [PersonalData]
    public bool DarkMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The broker connection the member picked in the app bar; null (or a deleted id) means the oldest usable one.</summary>
    public Guid? ActiveConnectionId { get; set; }
}
