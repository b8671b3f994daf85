using Dashboard.Kiwoom.Realtime;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Broker;

/// <summary>The sessions' realtime clients take their settings from "Kiwoom:Realtime", checked at start.</summary>
public sealed class RealtimeSettingsTests
{
    [Fact]
    public async Task ConfiguredRealtimeSettingsReachTheSessionsClientFactory()
    {
        await using var factory = new KestrelDashboardFactory(new Dictionary<string, string?>
        {
            ["Kiwoom:Realtime:MaxItemsPerGroup"] = "7",
            ["Kiwoom:Realtime:SilenceTimeout"] = "00:00:45",
        });
        factory.StartServer();

        var options = factory.Services.GetRequiredService<IOptions<RealtimeClientOptions>>().Value;

        Assert.Equal(7, options.MaxItemsPerGroup);
        Assert.Equal(TimeSpan.FromSeconds(45), options.SilenceTimeout);
    }

    [Fact]
    public async Task InvalidRealtimeSettingsStopTheHostAtStart()
    {
        await using var factory = new KestrelDashboardFactory(new Dictionary<string, string?>
        {
            ["Kiwoom:Realtime:InitialBackoff"] = "00:00:10",
            ["Kiwoom:Realtime:MaxBackoff"] = "00:00:01",
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.StartServer());

        Assert.Contains("Kiwoom:Realtime", failure.ToString(), StringComparison.Ordinal);
    }
}
