using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>
/// The result of "test connection": a token's expiry and the (full, server-side only) account number,
/// or the broker's error, or a reason the test could not run at all.
/// </summary>
public sealed record ConnectionTestOutcome(
    ConnectionTestStatus Status,
    DateTimeOffset? TokenExpiresAt = null,
    string? AccountNumber = null,
    KiwoomError? Error = null)
{
    public override string ToString() =>
        $"ConnectionTestOutcome {{ Status = {Status}, TokenExpiresAt = {TokenExpiresAt:O}, Account = {Secrets.MaskAccount(AccountNumber)}, Error = {Error} }}";
}
