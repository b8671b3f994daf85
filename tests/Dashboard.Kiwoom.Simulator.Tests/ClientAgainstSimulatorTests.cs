using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.DependencyInjection;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>
/// The typed client library against the simulator, as a member's session uses it: token issue, the
/// send path with its headers and rate budget, and decoding into the generated record of each TR.
/// </summary>
public sealed class ClientAgainstSimulatorTests : IAsyncLifetime
{
    private SimulatorHost _sim = null!;
    private ServiceProvider _services = null!;
    private KiwoomRestClient _client = null!;
    private KiwoomCredential _credential = null!;

    public async Task InitializeAsync()
    {
        // The simulator's clock starts at the real now so the client's own clock sees its tokens as fresh.
        _sim = await SimulatorHost.StartAsync(start: TimeProvider.System.GetUtcNow());
        _sim.Control.Step(50);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kiwoom:Client:QueriesPerSecond"] = "1000" })
            .Build();
        _services = new ServiceCollection().AddLogging().AddKiwoomClient(configuration).BuildServiceProvider();
        _client = _services.GetRequiredService<KiwoomRestClient>();
        _credential = new KiwoomCredential("client-test-app-key", "client-test-secret", KiwoomEnvironment.Simulator, _sim.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task EveryQueryTrAnswersThroughTheTypedClientIntoItsGeneratedRecord()
    {
        var failures = new List<string>();
        foreach (string apiId in RestTrTests.QueryTrs())
        {
            var descriptor = KiwoomApis.Find(apiId)!;
            var example = KiwoomCatalog.Default.Find(apiId)!.RequestExample.GetRawText();
            var request = (IKiwoomRequest)JsonSerializer.Deserialize(example, descriptor.RequestType, KiwoomJson.Options)!;

            var (success, returnCode, responseType, error) = await SendAsync(request);

            if (!success || returnCode != 0 || responseType != descriptor.ResponseType)
            {
                failures.Add($"{apiId}: {error ?? $"return_code {returnCode}, decoded as {responseType?.Name}"}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task DailyChartPagesThroughTheClientPagerAndEndsAtTheLivePrice()
    {
        var request = new Ka10081Request { StockCode = "005930", BaseDt = KoreaDate(), UpdStkpcTp = "1" };
        var quote = await _client.SendAsync(_credential, new Ka10001Request { StockCode = "005930" });

        var pages = new List<Ka10081Response>();
        await foreach (var page in _client.SendPagesAsync(_credential, request, maxPages: 3))
        {
            Assert.True(page.IsSuccess, page.Error?.ToString());
            pages.Add(page.Value);
        }

        Assert.True(quote.IsSuccess, quote.Error?.ToString());
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.NotEmpty(p.Candles));
        Assert.Equal(quote.Value.CurrentPrice.Value, pages[0].Candles[0].CurrentPrice.Value);
        Assert.True(pages[0].Candles[^1].Date.Value > pages[1].Candles[0].Date.Value, "pages continue backwards in time");
    }

    private string KoreaDate() => _sim.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<(bool Success, int ReturnCode, Type? ResponseType, string? Error)> SendAsync(IKiwoomRequest request) =>
        (Task<(bool, int, Type?, string?)>)typeof(ClientAgainstSimulatorTests)
            .GetMethod(nameof(SendTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(request.Api.ResponseType)
            .Invoke(this, [request])!;

    private async Task<(bool, int, Type?, string?)> SendTypedAsync<TResponse>(IKiwoomRequest request)
        where TResponse : KiwoomResponse
    {
        var result = await _client.SendAsync(_credential, (IKiwoomRequest<TResponse>)request);
        return result.IsSuccess
            ? (true, result.Value.ReturnCode, result.Value.GetType(), null)
            : (false, -1, null, result.Error.ToString());
    }
}
