using System.Globalization;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Tests.Portfolio;

/// <summary>Wire-format answers and pushes for the portfolio tests, as Kiwoom writes them (padded, signed).</summary>
internal static class PortfolioWire
{
    public sealed record Holding(string Code, string Name, long Quantity, long Average, long Price, long PreviousClose);

    public static string Kt00018(params Holding[] holdings)
    {
        var rows = holdings.Select(h =>
            $$"""{"stk_cd":"A{{h.Code}}","stk_nm":"{{h.Name}}","evltv_prft":"{{Pad(h.Quantity * (h.Price - h.Average), 15)}}","prft_rt":"0.00","pur_pric":"{{Pad(h.Average, 15)}}","pred_close_pric":"{{Pad(h.PreviousClose, 12)}}","rmnd_qty":"{{Pad(h.Quantity, 15)}}","trde_able_qty":"{{Pad(h.Quantity, 15)}}","cur_prc":"{{Pad(h.Price, 12)}}","pur_amt":"{{Pad(h.Quantity * h.Average, 15)}}","evlt_amt":"{{Pad(h.Quantity * h.Price, 15)}}"}""");
        var purchase = holdings.Sum(h => h.Quantity * h.Average);
        var evaluation = holdings.Sum(h => h.Quantity * h.Price);
        return $$"""{"return_code":0,"return_msg":"조회가 완료되었습니다","tot_pur_amt":"{{Pad(purchase, 15)}}","tot_evlt_amt":"{{Pad(evaluation, 15)}}","tot_evlt_pl":"{{Pad(evaluation - purchase, 15)}}","tot_prft_rt":"0.00","acnt_evlt_remn_indv_tot":[{{string.Join(",", rows)}}]}""";
    }

    public static string Kt00001(long deposit, long orderable) =>
        $$"""{"return_code":0,"return_msg":"조회가 완료되었습니다","entr":"{{Pad(deposit, 15)}}","ord_alow_amt":"{{Pad(orderable, 15)}}"}""";

    public static string Ka10074(long realized) =>
        $$"""{"return_code":0,"return_msg":"조회가 완료되었습니다","rlzt_pl":"{{realized.ToString(CultureInfo.InvariantCulture)}}","dt_rlzt_pl":[]}""";

    /// <summary>A 04 push: absolute quantity, average and orderable quantity after a fill.</summary>
    public static RealtimeEvent Balance(string code, string name, long quantity, long average, long price, TimeProvider time, long realizedToday = 0) =>
        Parse($$$"""{"trnm":"REAL","data":[{"type":"04","name":"현물잔고","item":"{{{code}}}","values":{"9201":"5123456789","9001":"{{{code}}}","302":"{{{name}}}","10":"+{{{price}}}","930":"{{{quantity}}}","931":"{{{average}}}","932":"{{{quantity * average}}}","933":"{{{quantity}}}","990":"{{{realizedToday}}}"}}]}""", time);

    /// <summary>A 0B trade at <paramref name="price"/> (up against the previous close).</summary>
    public static RealtimeEvent Trade(string code, long price, TimeProvider time) =>
        Parse($$$"""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"{{{code}}}","values":{"20":"100000","10":"+{{{price}}}","11":"+100","12":"+0.20","13":"1000","15":"+10","25":"2"}}]}""", time);

    private static string Pad(long value, int width) =>
        value < 0 ? "-" + (-value).ToString(CultureInfo.InvariantCulture).PadLeft(width - 1, '0') : value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static RealtimeEvent Parse(string frame, TimeProvider time)
    {
        var events = new List<RealtimeEvent>();
        new RealtimeFrameParser(time).Parse(System.Text.Encoding.UTF8.GetBytes(frame), events, out var problem);
        Assert.Null(problem);
        return Assert.Single(events);
    }
}
