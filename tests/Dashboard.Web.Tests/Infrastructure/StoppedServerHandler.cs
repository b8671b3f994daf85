namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>
/// Makes the in-memory server behave like a real one once stopped: a request then fails as a network
/// error (as a refused connection would), not with the test server's ObjectDisposedException.
/// </summary>
public sealed class StoppedServerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (ObjectDisposedException stopped)
        {
            throw new HttpRequestException("The test server has stopped.", stopped);
        }
    }
}
