namespace Dashboard.Kiwoom;

/// <summary>
/// One member's Kiwoom app key and secret for one environment. <see cref="ToString"/> masks both
/// so a credential can never leak through logging or string interpolation.
/// </summary>
public sealed record KiwoomCredential(string AppKey, string SecretKey, KiwoomEnvironment Environment, Uri? BaseUrl = null)
{
    /// <summary>REST base address of this credential.</summary>
    public Uri RestBase => BaseUrl ?? KiwoomEndpoints.RestBase(Environment);

    /// <summary>WebSocket address of this credential.</summary>
    public Uri WebSocketUri => KiwoomEndpoints.WebSocket(Environment, BaseUrl);

    /// <summary>A stable, non-reversible identifier for per-key state (rate buckets, tokens, sockets).</summary>
    public string KeyId => Secrets.Fingerprint(AppKey) + ":" + Environment;

    public override string ToString() => $"KiwoomCredential {{ AppKey = {Secrets.Mask(AppKey)}, Environment = {Environment} }}";
}
