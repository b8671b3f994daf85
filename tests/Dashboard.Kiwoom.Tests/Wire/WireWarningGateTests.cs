using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Tests.Rest;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Tests.Wire;

public sealed class WireWarningGateTests
{
    [Fact]
    public void TheSameFieldInAnotherRowIsNotNewButAnotherFieldOrTrIs()
    {
        var gate = new WireWarningGate();

        Assert.True(gate.IsFirst(new WireWarning("ka20001", "inds_cur_prc_tm[0].stex_tp", "KRX", "a field the catalog lists")));
        Assert.False(gate.IsFirst(new WireWarning("ka20001", "inds_cur_prc_tm[7].stex_tp", "NXT", "a field the catalog lists")));
        Assert.True(gate.IsFirst(new WireWarning("ka20001", "inds_cur_prc_tm[0].other", "1", "a field the catalog lists")));
        Assert.True(gate.IsFirst(new WireWarning("ka20002", "inds_cur_prc_tm[0].stex_tp", "KRX", "a field the catalog lists")));
        Assert.True(gate.IsFirst(new WireWarning("ka20001", "inds_cur_prc_tm[0].stex_tp", "x", "signed price")));
    }

    [Theory]
    [InlineData("cur_prc", "cur_prc")]
    [InlineData("stk_list[3].cur_prc", "stk_list[].cur_prc")]
    [InlineData("a[12].b[0].c", "a[].b[].c")]
    public void IndexesAreDropped(string field, string expected) =>
        Assert.Equal(expected, WireWarningGate.WithoutIndexes(field));

    [Fact]
    public async Task AnUnlistedFieldInEveryRowOfEveryAnswerIsLoggedOnce()
    {
        var harness = new RestHarness();
        harness.Handler.Respond = (_, _) => Task.FromResult(FakeKiwoomHandler.Json("""
            {"cur_prc":"-2394.49","inds_cur_prc_tm":[
              {"tm_n":"090000","cur_prc_n":"-2394.49","sess_cd":"A"},
              {"tm_n":"090100","cur_prc_n":"-2395.00","sess_cd":"A"},
              {"tm_n":"090200","cur_prc_n":"-2396.10","sess_cd":"A"}],
             "return_code":0,"return_msg":"ok"}
            """));

        for (var call = 0; call < 3; call++)
        {
            var answer = await harness.Client.SendAsync(harness.Credential, new Ka20001Request { MarketType = "0", IndsCd = "001" });
            Assert.True(answer.IsSuccess);
        }

        var logged = harness.Logs.GetSnapshot().Where(r => r.Id.Id == 1014).ToList();
        var line = Assert.Single(logged);
        Assert.Contains("sess_cd", line.Message, StringComparison.Ordinal);
    }
}
