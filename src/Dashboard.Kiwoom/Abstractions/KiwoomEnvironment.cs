namespace Dashboard.Kiwoom;

/// <summary>Which Kiwoom service a credential talks to.</summary>
public enum KiwoomEnvironment
{
    /// <summary>The built-in simulator (any base URL, usually in-process or on loopback).</summary>
    Simulator,

    /// <summary>Kiwoom mock investing (모의투자): https://mockapi.kiwoom.com, KRX only.</summary>
    Mock,

    /// <summary>Kiwoom production: https://api.kiwoom.com.</summary>
    Production,
}
