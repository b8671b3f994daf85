using Dashboard.Hosting;
using Dashboard.Web.Broker;
using Dashboard.Web.Hosting;
using Dashboard.Web.Orders;
using Dashboard.Web.ScaleOut;

// The host is a table of contents; each area composes itself through Add…/Map… extensions.
var builder = WebApplication.CreateBuilder(args);
builder.UseSelfSignedCertificateWhenNoneConfigured();
builder.AddDashboard();
builder.AddBrokerSessions();
builder.AddOrders();
builder.AddEmbeddedSimulator();
builder.AddScaleOut();

var app = builder.Build();
app.UseDashboard();
app.MapDashboard();
app.MapEmbeddedSimulator();
await app.MigrateDashboardDatabaseAsync();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
