namespace Dashboard.Kiwoom.Tests.Rest;

/// <summary>What the fake Kiwoom server saw of one request.</summary>
internal sealed record CapturedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ApiId => Header("api-id");
}
