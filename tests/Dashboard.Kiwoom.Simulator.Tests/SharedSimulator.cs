namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>One simulator for a whole test class (a host per data row would dominate the run time).</summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    public SimulatorHost Sim { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Sim = await SimulatorHost.StartAsync();
        Sim.Control.Step(50);
        Token = await Sim.TokenAsync();
    }

    public async Task DisposeAsync() => await Sim.DisposeAsync();
}
