namespace Dashboard.Kiwoom.Simulator.Control;

/// <summary>A snapshot of the simulator's counters.</summary>
public sealed record SimulatorStats(long Requests, long Errors, long Sockets, long Frames, long MarketSteps, bool Paused, double Speed, bool Silent, int LatencyMs, bool ForcedRateLimit);
