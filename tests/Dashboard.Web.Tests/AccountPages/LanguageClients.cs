using System.Net;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Dashboard.Web.Tests.AccountPages;

/// <summary>HTTP clients for the account pages in one language: Korean is the default, English comes from the culture cookie.</summary>
internal static class LanguageClients
{
    public static HttpClient Korean(DashboardFactory factory) => factory.CreateClient();

    /// <summary>Keeps its cookies (sign-in, status messages) like a browser, and starts with the English culture cookie.</summary>
    public static HttpClient English(DashboardFactory factory)
    {
        var cookies = new CookieContainerHandler();
        cookies.Container.Add(new Cookie(".AspNetCore.Culture", "c%3Den%7Cuic%3Den", "/", "dashboard.test"));
        return factory.CreateDefaultClient(new Uri("https://dashboard.test/"), cookies);
    }

    public static HttpClient For(DashboardFactory factory, string language) =>
        language == "en" ? English(factory) : Korean(factory);

    /// <summary>The page's text as a reader sees it (Blazor encodes Hangul as character references).</summary>
    public static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The one-shot status message a redirect carries to the next page.</summary>
    public static string StatusMessage(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Identity.StatusMessage=", StringComparison.Ordinal));
        return Uri.UnescapeDataString(cookie.Split(';')[0]["Identity.StatusMessage=".Length..]);
    }
}
