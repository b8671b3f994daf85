namespace Dashboard.Web.Connections;

/// <summary>Settings under "Simulator": whether the built-in simulator is mapped and where it answers.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public bool Enabled { get; set; } = true;

    /// <summary>Path prefix under which the host maps the simulator.</summary>
    public string Prefix { get; set; } = "/kiwoom-sim";

    /// <summary>Absolute base address of the simulator; when empty, this server's own address plus <see cref="Prefix"/>.</summary>
    public string? BaseUrl { get; set; }
}
