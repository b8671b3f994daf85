using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Kiwoom.Simulator.Control;
using Dashboard.Kiwoom.Simulator.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>The simulator on Kestrel at 127.0.0.1:0 with a fake clock; tests talk to it with raw HTTP and WebSockets.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    /// <summary>Tuesday 10:00 KST: a regular session day in calendar mode too.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, FakeTimeProvider clock, Uri baseAddress)
    {
        _app = app;
        Clock = clock;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeTimeProvider Clock { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public SimulatorControl Control => _app.Services.GetRequiredService<SimulatorControl>();

    public MarketEngine Market => _app.Services.GetRequiredService<MarketEngine>();

    public Uri WebSocketUri => new($"ws://{BaseAddress.Authority}/api/dostk/websocket");

    public static async Task<SimulatorHost> StartAsync(Action<SimulatorOptions>? configure = null, DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? Start);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(Environment.GetEnvironmentVariable("SIM_TEST_LOG") == "1" ? LogLevel.Debug : LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddKiwoomSimulator(o =>
        {
            o.AutoStart = false;
            o.RateLimitPerSecond = 10_000;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapKiwoomSimulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, clock, new Uri(address));
    }

    public async Task<string> TokenAsync(string appKey = "test-app-key", string secret = "test-secret")
    {
        using var doc = await PostJsonAsync("/oauth2/token", null, new { grant_type = "client_credentials", appkey = appKey, secretkey = secret });
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>POSTs a TR and returns the response with its parsed body.</summary>
    public async Task<TrResponse> CallAsync(string apiId, string path, object? body, string? token, string? contYn = null, string? nextKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body is string s ? s : JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("api-id", apiId);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
        }

        if (contYn is not null)
        {
            request.Headers.TryAddWithoutValidation("cont-yn", contYn);
            request.Headers.TryAddWithoutValidation("next-key", nextKey ?? "");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new TrResponse(
            (int)response.StatusCode,
            JsonDocument.Parse(text),
            response.Headers.TryGetValues("cont-yn", out var c) ? c.First() : "",
            response.Headers.TryGetValues("next-key", out var k) ? k.First() : "",
            text);
    }

    public async Task<JsonDocument> PostJsonAsync(string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
        }

        using var response = await Http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
