using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.Hosting;

/// <summary>Settings under the "Dashboard" section of appsettings.json.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Folder for the database, the Data Protection key ring and its key; relative to the app folder.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Location of the key that encrypts the key ring at rest, outside <see cref="DataPath"/> (e.g. a mounted secret);
    /// required outside Development unless "Dashboard:KeyRingSecret" carries the key itself.
    /// </summary>
    public string? KeyRingSecretPath { get; set; }

    /// <summary>Open interactive circuits one member may hold at once (SEC-22).</summary>
    [Range(1, 100)]
    public int MaxCircuitsPerMember { get; set; } = 5;

    /// <summary>Sign-in cookie idle limit (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sign-in cookie absolute limit, however active the member is.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Login, 2FA and registration posts allowed per client address per window (SEC-09).</summary>
    [Range(1, 1000)]
    public int LoginPermitsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Circuit connections (/_blazor) allowed per client address per window.</summary>
    [Range(1, 10000)]
    public int CircuitConnectPermitsPerWindow { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitConnectWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often open circuits re-check that their member is still enabled and unchanged.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Lifetime of an invitation link unless the admin picks another.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan DefaultInvitationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Resolves <see cref="DataPath"/> against the content root.</summary>
    public string ResolveDataPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataPath));
}
