using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Security;

/// <summary>
/// Marks endpoints that only work over HTTPS (the pages, the Blazor hub, the account endpoints): their
/// cookies are <c>__Host-</c>/Secure, so over plain HTTP antiforgery throws and every page answered 500.
/// </summary>
internal static class SecureTransport
{
    public static TBuilder RequireSecureTransport<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.Metadata.Add(RequiresSecureTransport.Instance));
        return builder;
    }

    internal sealed class RequiresSecureTransport
    {
        public static readonly RequiresSecureTransport Instance = new();
    }
}

/// <summary>
/// Answers a request to an HTTPS-only endpoint that arrived over plain HTTP (after forwarded headers from
/// trusted proxies are applied) with a page that says what to do, instead of a 500.
/// </summary>
internal sealed class SecureTransportMiddleware(RequestDelegate next, ILogger<SecureTransportMiddleware> logger)
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>HTTPS required · HTTPS 연결 필요</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2em}</style>
        </head><body>
        <h1>HTTPS 연결이 필요합니다</h1>
        <p>이 대시보드는 HTTPS로만 사용할 수 있습니다. 주소가 <code>https://</code>로 시작하는지 확인하세요.
        TLS를 종료하는 리버스 프록시(nginx, Caddy) 뒤에서 실행 중이라면, 프록시가 <code>X-Forwarded-Proto</code>와
        <code>X-Forwarded-For</code>를 보내도록 하고 프록시 주소를 <code>Dashboard:ReverseProxy:KnownProxies</code>
        (또는 <code>KnownNetworks</code>)에 등록하세요.</p>
        <h1 lang="en">HTTPS required</h1>
        <p lang="en">This dashboard only works over HTTPS. Check that the address starts with <code>https://</code>.
        If it runs behind a reverse proxy (nginx, Caddy) that terminates TLS, make the proxy send
        <code>X-Forwarded-Proto</code> and <code>X-Forwarded-For</code>, and list the proxy's address in
        <code>Dashboard:ReverseProxy:KnownProxies</code> (or <code>KnownNetworks</code>). See docs/security.md.</p>
        </body></html>
        """;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.GetEndpoint()?.Metadata.GetMetadata<SecureTransport.RequiresSecureTransport>() is null)
        {
            return next(context);
        }

        SecurityLog.InsecureRequestRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Page);
    }
}
