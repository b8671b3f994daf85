using System.ComponentModel.DataAnnotations;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// Settings under "ScaleOut". Empty <see cref="Redis"/> means one instance: everything stays in-process,
/// exactly as without this section.
/// </summary>
public sealed class ScaleOutOptions
{
    public const string Section = "ScaleOut";

    /// <summary>StackExchange.Redis configuration string, e.g. "redis:6379" or "10.0.0.5:6379,password=...".</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key and channel, so several dashboards (or test runs) can share one Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,40}$", ErrorMessage = "ScaleOut:Prefix takes 1-40 letters, digits, '_', '.' or '-'.")]
    public string Prefix { get; set; } = "kiwoom-dashboard";

    /// <summary>This instance's name in logs and messages; the machine name and process id when empty.</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How long an app key's lease lives without renewal: the longest a stopped (crashed) holder's members wait
    /// before another instance opens their upstream. The holder renews every fifth of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "ScaleOut:LeaseExpiry must be between 1 second and 5 minutes.")]
    public TimeSpan LeaseExpiry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a non-holder waits for the holder's answer to a query or order it routed there. Past it a query
    /// fails with "no answer" and an order becomes an unknown outcome, which the order service reconciles. Long
    /// enough for a busy rate budget (100 queued queries at 5/s take 20 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ScaleOut:RouteTimeout must be between 1 second and 10 minutes.")]
    public TimeSpan RouteTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often holders renew and non-holders refresh their interest and look for a free lease.</summary>
    public TimeSpan LeaseRenewInterval => LeaseExpiry / 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);

    public string ResolveInstanceId() =>
        string.IsNullOrWhiteSpace(InstanceId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : InstanceId;

    public string Channel(string name) => $"{Prefix}:{name}";
}
