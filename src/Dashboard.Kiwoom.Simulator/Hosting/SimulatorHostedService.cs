using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Kiwoom.Simulator.Hosting;

/// <summary>Starts the market clock with the host and stops it on shutdown.</summary>
internal sealed class SimulatorHostedService(MarketEngine engine, IOptions<SimulatorOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AutoStart)
        {
            engine.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        engine.Dispose();
        return Task.CompletedTask;
    }
}
