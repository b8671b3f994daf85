using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Kiwoom.Tests.Explorer;

public sealed class TrCommandLineTests
{
    [Fact]
    public void FieldsBecomeFieldValuePairsWithTheEnvironment()
    {
        var line = TrCommandLine.For("ka10081", [Pair("stk_cd", "005930"), Pair("base_dt", "20250124"), Pair("upd_stkpc_tp", "1")], KiwoomEnvironment.Mock);

        Assert.Equal("kiwoom call ka10081 stk_cd=005930 base_dt=20250124 upd_stkpc_tp=1 --env mock", line);
    }

    [Fact]
    public void ValuesTheShellWouldSplitOrExpandAreQuoted()
    {
        var line = TrCommandLine.For("ka90001", [Pair("qry_tp", ""), Pair("thema_nm", "2차 전지's"), Pair("stk_cd", "005930|000660")], KiwoomEnvironment.Simulator);

        Assert.Equal("kiwoom call ka90001 qry_tp= 'thema_nm=2차 전지'\\''s' 'stk_cd=005930|000660' --env simulator", line);
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => KeyValuePair.Create(name, value);
}
