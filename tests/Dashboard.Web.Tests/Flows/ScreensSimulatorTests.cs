using Bunit;
using Microsoft.AspNetCore.Components;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Flows;
using Dashboard.Web.Connections;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Explorer;

namespace Dashboard.Web.Tests.Flows;

/// <summary>
/// The ETF, ELW, flows and condition-search screens' broker calls against the embedded simulator over
/// loopback: each TR panel of each screen renders rows from a real member session, and condition search
/// lists, runs and watches over the session's one WebSocket.
/// </summary>
public sealed class ScreensSimulatorTests(ExplorerHost host) : IClassFixture<ExplorerHost>
{
    private const string Day = "20261126";

    public static TheoryData<string> ScreenRequests() => [.. Requests.Keys];

    private static readonly Dictionary<string, (IKiwoomRequest Request, string List)> Requests = new()
    {
        ["etf ka40004"] = (new Ka40004Request { TxonType = "0", Navpre = "0", Mngmcomp = "0000", TxonYn = "0", TraceIdex = "0", ExchangeType = "1" }, "etfall_mrpr"),
        ["etf ka40003"] = (new Ka40003Request { StockCode = "069500" }, "etfdaly_trnsn"),
        ["elw ka30005"] = (new Ka30005Request { IsscompCd = "000000000000", BsisAsetCd = "000000000000", RghtTp = "0", Lpcd = "000000000000", SortTp = "0" }, "elwcnd_qry"),
        ["elw ka10050"] = (new Ka10050Request { StockCode = "57JBHH" }, "elwsnst_ix_array"),
        ["flows ka90003"] = (new Ka90003Request { TrdeUpperTp = "2", AmtQtyTp = "1", MarketType = "P00101", ExchangeType = "1" }, "prm_netprps_upper_50"),
        ["flows ka10131"] = (new Ka10131Request { Date = "1", MarketType = "001", NetslmtTp = "2", StkIndsTp = "0", AmtQtyTp = "0", ExchangeType = "1" }, "orgn_frgnr_cont_trde_prst"),
        ["flows ka10008"] = (new Ka10008Request { StockCode = "005930" }, "stk_frgnr"),
    };

    [Theory]
    [MemberData(nameof(ScreenRequests))]
    public async Task EachScreensTrPanelRendersRowsFromTheSimulator(string name)
    {
        var (request, list) = Requests[name];
        await using var bunit = new DashboardTestContext("en", services =>
        {
            services.AddSingleton<IBrokerSessions>(new RealSessions(host.Session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
        });

        var panel = bunit.Render(Panel(request, list));

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll($"[data-list='{list}'] tr.tr-row")), TimeSpan.FromSeconds(15));
        Assert.Empty(panel.FindAll(".tr-error"));
    }

    [Fact]
    public async Task ConditionSearchListsRunsAndWatchesOverTheSessionsWebSocket()
    {
        var conditions = host.Session.Conditions;

        var saved = await conditions.ListAsync();
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.NotEmpty(saved.Value);
        var seq = saved.Value[0].Seq;

        var found = await conditions.SearchAsync(seq);
        Assert.True(found.IsSuccess, found.Error?.Message);
        Assert.All(found.Value, row => Assert.True(MarketDefaults.IsStockCode(row.Code), row.Code));

        var watch = await conditions.WatchAsync(seq);
        Assert.True(watch.IsSuccess, watch.Error?.Message);
        await using (watch.Value)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var first = await watch.Value.Changes.ReadAsync(wait.Token);
            Assert.Equal(Dashboard.Kiwoom.Realtime.ConditionChangeKind.Snapshot, first.Kind);
        }
    }

    /// <summary>TrPanel is generic in the response type; this closes it over the request's response type.</summary>
    private static RenderFragment Panel(IKiwoomRequest request, string list) => builder =>
    {
        var responseType = request.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IKiwoomRequest<>)).GetGenericArguments()[0];
        builder.OpenComponent(0, typeof(TrPanel<>).MakeGenericType(responseType));
        builder.AddAttribute(1, "Request", request);
        builder.AddAttribute(2, "Title", "t");
        builder.AddAttribute(3, "List", list);
        builder.CloseComponent();
    };

    /// <summary>A circuit's broker access over an already open real session.</summary>
    private sealed class RealSessions(IBrokerSession session) : IBrokerSessions
    {
        public event Action<BrokerStatus>? StatusChanged;

        public ConnectionSummary? Connection => null;

        public IBrokerSession? Session => session;

        public BrokerStatus Status => session.Status;

        public Task<IBrokerSession?> OpenAsync()
        {
            StatusChanged?.Invoke(Status);
            return Task.FromResult<IBrokerSession?>(session);
        }
    }
}
