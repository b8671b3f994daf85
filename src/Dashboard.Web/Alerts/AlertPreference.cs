namespace Dashboard.Web.Alerts;

/// <summary>A member's choice to also get fired alerts as browser notifications.</summary>
public sealed class AlertPreference
{
    public required string OwnerId { get; set; }

    public bool BrowserNotifications { get; set; }
}
