using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Components.Account;

/// <summary>The codes Identity mails in links (confirm e-mail, change e-mail, reset password), Base64Url-encoded.</summary>
internal static class IdentityCodes
{
    /// <summary>The code as Identity made it, or null when the link's code is not Base64Url (cut or mangled by a mail client).</summary>
    public static string? TryDecode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
