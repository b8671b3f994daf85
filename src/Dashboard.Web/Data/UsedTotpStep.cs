namespace Dashboard.Web.Data;

/// <summary>The last TOTP time step a member used; a code from that step or older is refused (SEC-11).</summary>
public class UsedTotpStep
{
    public required string UserId { get; set; }

    public long LastStep { get; set; }
}
