namespace Dashboard.Kiwoom.Simulator;

/// <summary>Faults injected through the control surface; read on every request and frame.</summary>
public sealed class SimulatorFaults
{
    /// <summary>Extra delay before every REST answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>While true sockets get no REAL frames but still get and answer PINGs.</summary>
    public bool Silent { get; set; }
}
