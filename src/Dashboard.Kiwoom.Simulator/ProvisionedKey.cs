namespace Dashboard.Kiwoom.Simulator;

/// <summary>An app key accepted in strict mode and the environment it was issued for.</summary>
public sealed class ProvisionedKey
{
    public string AppKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public KiwoomEnvironment Environment { get; set; } = KiwoomEnvironment.Mock;

    /// <summary>Optional fixed 10-digit account number; derived from the key when empty.</summary>
    public string Account { get; set; } = "";
}
