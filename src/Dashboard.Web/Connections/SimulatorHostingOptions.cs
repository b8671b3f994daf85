namespace Dashboard.Web.Connections;

/// <summary>
/// Settings under "SimulatorHosting": whether this host serves the built-in simulator, under which path and to whom,
/// and where the dashboard's own sessions reach a simulator. The simulated market itself (seed, VIs, credentials,
/// limits) is configured under "Simulator" and read only by the simulator (Dashboard.Kiwoom.Simulator.SimulatorOptions),
/// so each section has exactly one type. Read through <see cref="SimulatorHostingConfiguration"/>, which also accepts
/// the keys' old names under "Simulator".
/// </summary>
public sealed class SimulatorHostingOptions
{
    public const string Section = "SimulatorHosting";

    /// <summary>This host maps the simulated Kiwoom API in-process (and members get a simulator connection).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Path prefix under which the host maps the simulator.</summary>
    public string Prefix { get; set; } = "/kiwoom-sim";

    /// <summary>Absolute base address of the simulator; when empty, this server's own address plus <see cref="Prefix"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Callers from other machines may reach the embedded simulator (off: loopback only).</summary>
    public bool AllowRemote { get; set; }
}
