using Dashboard.Kiwoom.Simulator;
using Dashboard.Kiwoom.Simulator.Bench;

// Standalone simulator: `dotnet run --project src/Dashboard.Kiwoom.Simulator -- --urls http://127.0.0.1:5090`,
// or `-- bench` for the throughput benchmark.
if (args.Length > 0 && args[0] == "bench")
{
    return await BenchmarkCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090");
}

builder.Services.AddKiwoomSimulator();
var app = builder.Build();
app.MapKiwoomSimulator();
await app.RunAsync();
return 0;
