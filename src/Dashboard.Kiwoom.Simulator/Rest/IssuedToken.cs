namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>A token the simulator issued and the credential it belongs to.</summary>
public sealed record IssuedToken(string Token, string AppKey, KiwoomEnvironment Environment, DateTimeOffset ExpiresAt)
{
    public bool Revoked { get; set; }
}
