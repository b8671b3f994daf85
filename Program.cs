// The host is a table of contents; each area composes itself through Add…/Map… extensions.
var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.MapGet("/", () => "Kiwoom Team Dashboard");
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
