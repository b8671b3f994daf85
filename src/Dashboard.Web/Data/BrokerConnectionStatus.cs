namespace Dashboard.Web.Data;

/// <summary>What the dashboard knows about a stored connection.</summary>
public enum BrokerConnectionStatus
{
    /// <summary>Saved, never tested.</summary>
    Untested,

    /// <summary>The last test issued a token.</summary>
    Verified,

    /// <summary>The last test was refused by Kiwoom.</summary>
    Failed,

    /// <summary>The stored ciphertext cannot be decrypted (lost key ring): the member must re-enter the keys.</summary>
    NeedsReentry,
}
