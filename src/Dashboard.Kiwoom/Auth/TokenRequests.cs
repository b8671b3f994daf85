using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Auth;

// Bodies of the two OAuth TRs; kept private to the token path so secrets never travel in a
// general-purpose request type that could be logged or shown in the API explorer.

/// <summary>au10001 request body.</summary>
internal sealed record TokenIssueBody(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("appkey")] string AppKey,
    [property: JsonPropertyName("secretkey")] string SecretKey)
{
    public override string ToString() => $"TokenIssueBody {{ AppKey = {Secrets.Mask(AppKey)} }}";
}

/// <summary>au10002 request body.</summary>
internal sealed record TokenRevokeBody(
    [property: JsonPropertyName("appkey")] string AppKey,
    [property: JsonPropertyName("secretkey")] string SecretKey,
    [property: JsonPropertyName("token")] string Token)
{
    public override string ToString() => $"TokenRevokeBody {{ AppKey = {Secrets.Mask(AppKey)} }}";
}

/// <summary>au10001 answer.</summary>
internal sealed record TokenIssueAnswer : KiwoomResponse
{
    [JsonPropertyName("expires_dt")]
    public string? ExpiresDt { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>Never prints the token itself.</summary>
    public override string ToString() => $"TokenIssueAnswer {{ ReturnCode = {ReturnCode}, ExpiresDt = {ExpiresDt}, Token = {Secrets.Mask(Token)} }}";
}
