namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>Hands out clients over one handler, as IHttpClientFactory does over its pooled handler.</summary>
internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
}
