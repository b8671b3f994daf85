using Dashboard.Kiwoom.Simulator;
using Dashboard.Web.Hosting;

// The host is a table of contents; each area composes itself through Add…/Map… extensions.
var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();
var simulator = builder.Configuration.GetSection("Simulator");
var simulatorEnabled = simulator.GetValue("Enabled", true);
if (simulatorEnabled)
{
    builder.Services.AddKiwoomSimulator();
}

var app = builder.Build();
app.UseDashboard();
app.MapDashboard();
if (simulatorEnabled)
{
    app.MapKiwoomSimulator(simulator.GetValue("Prefix", "/kiwoom-sim")!);
}

await app.MigrateDashboardDatabaseAsync();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
