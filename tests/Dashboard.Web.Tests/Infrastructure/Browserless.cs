using System.Net;
using System.Text.RegularExpressions;

namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>Drives the static Identity pages over HTTP like a browser: antiforgery token, form fields, cookies.</summary>
public static partial class Browserless
{
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var input = TokenInputPattern().Match(html);
        Assert.True(input.Success, $"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(ValuePattern().Match(input.Value).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields)
    {
        var token = await TokenAsync(client, path);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = token,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, string? invite = null, string? setupCode = null) =>
        PostFormAsync(client, invite is null ? "Account/Register" : "Account/Register?invite=" + Uri.EscapeDataString(invite), "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.SetupCode"] = setupCode ?? string.Empty,
        });

    /// <summary>Signs in by password and returns the auth cookie ("name=value").</summary>
    public static async Task<string> SignInCookieAsync(HttpClient client, string email, string password)
    {
        var response = await LoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-dashboard=", StringComparison.Ordinal)).Split(';')[0];
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInputPattern();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex ValuePattern();
}
