using Dashboard.Kiwoom.Generated;

namespace Dashboard.Web.Components.Market;

/// <summary>Today's net buying of one stock by investor group, in shares (ka10059: net buy, quantity, single shares).</summary>
public sealed record InvestorFlows(DateOnly Date, long Individual, long Foreign, long Institution, long? PensionFunds, long? OtherCorporations)
{
    /// <summary>The ka10059 request for <paramref name="date"/>'s row.</summary>
    public static Ka10059Request Request(string code, DateOnly date) => new()
    {
        Date = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        StockCode = code,
        AmtQtyTp = "2",
        TradeType = "0",
        UnitTp = "1",
    };

    /// <summary>The row of <paramref name="date"/> (Kiwoom answers newest first, going back); null when that day has none yet.</summary>
    public static InvestorFlows? From(Ka10059Response response, DateOnly date)
    {
        var row = response.StkInvsrOrgn.FirstOrDefault(r => r.Date.Value == date);
        return row is null
            ? null
            : new InvestorFlows(date, row.IndInvsr.Value ?? 0, row.FrgnrInvsr.Value ?? 0, row.Orgn.Value ?? 0, row.PenfndEtc.Value, row.EtcCorp.Value);
    }

    /// <summary>The largest absolute figure, for the bars' scale.</summary>
    public long Scale => Math.Max(1, new[] { Individual, Foreign, Institution }.Max(Math.Abs));
}
