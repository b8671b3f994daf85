namespace Dashboard.Kiwoom.Simulator.Market;

/// <summary>A theme group (테마) and its member listings.</summary>
public sealed record Theme(string Code, string Name, IReadOnlyList<Instrument> Members)
{
    public decimal AverageChangeRate => Members.Count == 0 ? 0m : Math.Round(Members.Average(m => m.ChangeRate), 2);
}
