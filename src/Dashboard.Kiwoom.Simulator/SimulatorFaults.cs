namespace Dashboard.Kiwoom.Simulator;

/// <summary>Faults injected through the control surface; read on every request and frame.</summary>
public sealed class SimulatorFaults
{
    /// <summary>Extra delay before every REST answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>While true sockets get no REAL frames but still get and answer PINGs.</summary>
    public bool Silent { get; set; }

    /// <summary>
    /// Order TRs are carried out (the order exists, its 00 pushes go out) but the answer is replaced by
    /// this HTTP status, as when a gateway fails after Kiwoom took the order; null answers normally.
    /// </summary>
    public int? LostOrderAnswerStatus { get; set; }

    /// <summary>
    /// Order TRs are held before they take effect until this is turned off (then carried out) or the host
    /// stops (then the connection is dropped): an order stuck in flight when the dashboard goes down.
    /// </summary>
    public bool HoldOrders { get; set; }

    /// <summary>
    /// Order (00) and balance (04) pushes are built but kept back, as when the client's socket is away, until
    /// this is turned off (then sent, late, to whichever socket the account has then).
    /// </summary>
    public bool HoldAccountPushes { get; set; }
}
