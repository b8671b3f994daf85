using System.Net;

namespace Dashboard.Web.Components.Account;

/// <summary>
/// Whether WebAuthn can work for this request's origin. A relying party id must be a domain name: on an
/// IP-address origin (https://127.0.0.1:5001) the browser refuses every call with "SecurityError: This is
/// an invalid domain", so the passkey buttons are not shown there at all.
/// </summary>
public static class PasskeySupport
{
    public static bool IsPossible(HttpContext context) => IsPossible(context.Request.Host.Host);

    public static bool IsPossible(string host) =>
        !string.IsNullOrEmpty(host) && !IPAddress.TryParse(host.Trim('[', ']'), out _);
}
