namespace Dashboard.Web.Members;

/// <summary>A freshly created invitation: the token appears only here, once, for the admin to share.</summary>
public sealed record InvitationLink(Guid Id, string Token, string Role, DateTimeOffset ExpiresAt)
{
    /// <summary>The relative registration address carrying the token.</summary>
    public string RelativeUrl => "Account/Register?invite=" + Uri.EscapeDataString(Token);

    public override string ToString() => $"InvitationLink {{ Id = {Id}, Role = {Role}, ExpiresAt = {ExpiresAt:O} }}";
}
