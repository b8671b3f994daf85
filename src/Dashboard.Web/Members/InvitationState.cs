namespace Dashboard.Web.Members;

/// <summary>What a presented invitation token is worth, so the registration page can say why it refuses.</summary>
public enum InvitationState
{
    /// <summary>No token in the address.</summary>
    Missing,

    /// <summary>A token no invitation has (mistyped or cut off).</summary>
    Unknown,

    Usable,

    Used,

    Expired,

    /// <summary>An admin withdrew the link.</summary>
    Revoked,
}
