using System.Globalization;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Vi;

namespace Dashboard.Web.Tests.Vi;

/// <summary>VI pushes (1h) and today's list (ka10054) as Kiwoom writes them, and the wiring of a circuit's ViWatch.</summary>
internal static class ViWire
{
    public static void AddViWatch(this IServiceCollection services, IViInterest interest)
    {
        // Replaces the member's real interest (holdings + watchlists) that the shared bUnit context registers: last one wins.
        services.AddSingleton(interest);
        services.AddScoped<ViWatch>();
    }

    /// <summary>A 1h trigger (<paramref name="released"/> false) or release at the clock's Korea time; the release time is 2 minutes on.</summary>
    public static RealtimeEvent Push(string code, string name, TimeProvider time, bool released = false, bool isStatic = true, bool up = true, long trigger = 77_000, long reference = 70_000, DateTimeOffset? triggeredAt = null)
    {
        var at = KoreaTime.WallClock(triggeredAt ?? time.GetUtcNow());
        var frame = $$$"""{"trnm":"REAL","data":[{"type":"1h","name":"VI발동/해제","item":"{{{code}}}","values":{"9001":"{{{code}}}","302":"{{{name}}}","9068":"{{{(released ? "2" : "1")}}}","1225":"{{{(isStatic ? "정적" : "동적")}}}","1221":"{{{trigger}}}","1223":"{{{at:HHmmss}}}","1224":"{{{at.AddMinutes(2):HHmmss}}}","1236":"{{{(isStatic ? reference : 0)}}}","1237":"{{{(isStatic ? 0 : reference)}}}","9069":"{{{(up ? "1" : "2")}}}","9008":"101"}}]}""";
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser(time).Parse(System.Text.Encoding.UTF8.GetBytes(frame), events, out var problem);
        Assert.Null(problem);
        return Assert.Single(events);
    }

    /// <summary>Delivers <paramref name="e"/> to the open 1h feed, as the session's socket would.</summary>
    public static void Deliver(this FakeMarketFeeds feeds, RealtimeEvent e) =>
        ((Dashboard.Kiwoom.Realtime.IRealtimeSink)feeds.Opened.OfType<EventFeed<ViEvent>>().Single()).Deliver(e);

    /// <summary>A ka10054 answer with one row per (code, name, triggered at, released at, trigger price).</summary>
    public static string Ka10054(params (string Code, string Name, DateTimeOffset TriggeredAt, DateTimeOffset ReleaseAt, long Trigger)[] rows)
    {
        var items = rows.Select(r =>
            $$"""{"stk_cd":"{{r.Code}}","stk_nm":"{{r.Name}}","acc_trde_qty":"1000","motn_pric":"+{{r.Trigger}}","dynm_dispty_rt":"0.00","trde_cntr_proc_time":"{{KoreaTime.WallClock(r.TriggeredAt):HHmmss}}","virelis_time":"{{KoreaTime.WallClock(r.ReleaseAt):HHmmss}}","viaplc_tp":"정적","dynm_stdpc":"0","static_stdpc":"70000","static_dispty_rt":"+10.00","open_pric_pre_flu_rt":"+1.00","vimotn_cnt":"1","stex_tp":"1"}""");
        return $$"""{"return_code":0,"return_msg":"조회가 완료되었습니다","motn_stk":[{{string.Join(",", items)}}]}""";
    }

    public static T Decode<T>(string json, string apiId)
        where T : Dashboard.Kiwoom.KiwoomResponse
    {
        var decoded = Dashboard.Kiwoom.Wire.KiwoomJson.Decode<T>(System.Text.Encoding.UTF8.GetBytes(json), apiId);
        Assert.True(decoded.IsSuccess, decoded.Error?.Message);
        return decoded.Value!;
    }
}
