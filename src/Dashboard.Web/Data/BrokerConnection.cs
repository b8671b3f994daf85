using Dashboard.Kiwoom;

namespace Dashboard.Web.Data;

/// <summary>
/// One member's Kiwoom credential. The app key and secret are stored only as Data Protection
/// ciphertext under a per-owner purpose; the hints are what the UI may show.
/// </summary>
public class BrokerConnection
{
    public Guid Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Label { get; set; }

    public KiwoomEnvironment Environment { get; set; }

    public required string ProtectedAppKey { get; set; }

    public required string ProtectedSecretKey { get; set; }

    /// <summary>Masked app key, e.g. "••••3f9a".</summary>
    public required string AppKeyHint { get; set; }

    /// <summary>Masked account number from ka00001, once a test has succeeded.</summary>
    public string? AccountMasked { get; set; }

    public BrokerConnectionStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastTestedAt { get; set; }
}
