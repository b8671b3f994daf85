using System.Collections.Frozen;
using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Reads what a LIST's rows are from its catalog entry: the list's description and its columns' names and
/// kinds. Only chart intervals need a table by TR id (a tick chart and a daily chart have the same columns).
/// </summary>
internal static class ListClassifier
{
    private static readonly FrozenDictionary<string, ChartInterval> Charts = new Dictionary<string, ChartInterval>
    {
        ["ka10079"] = ChartInterval.Tick, ["ka20004"] = ChartInterval.Tick, ["ka50079"] = ChartInterval.Tick, ["ka50091"] = ChartInterval.Tick, ["ka50010"] = ChartInterval.Tick,
        ["ka10080"] = ChartInterval.Minute, ["ka20005"] = ChartInterval.Minute, ["ka50080"] = ChartInterval.Minute, ["ka50092"] = ChartInterval.Minute,
        ["ka10081"] = ChartInterval.Day, ["ka20006"] = ChartInterval.Day, ["ka50081"] = ChartInterval.Day, ["ka50012"] = ChartInterval.Day,
        ["ka10082"] = ChartInterval.Week, ["ka20007"] = ChartInterval.Week, ["ka50082"] = ChartInterval.Week,
        ["ka10083"] = ChartInterval.Month, ["ka20008"] = ChartInterval.Month, ["ka50083"] = ChartInterval.Month,
        ["ka10094"] = ChartInterval.Year, ["ka20019"] = ChartInterval.Year,
    }.ToFrozenDictionary();

    public static ChartInterval IntervalOf(string apiId) => Charts.GetValueOrDefault(apiId);

    public static ListShape Classify(CatalogTr tr, CatalogField list)
    {
        if (IntervalOf(tr.Id) != ChartInterval.None)
        {
            return ListShape.Chart;
        }

        var fields = list.Fields ?? [];
        var specs = fields.Select(FieldClassifier.For).ToArray();
        bool Has(string name) => fields.Any(f => f.Name == name);
        bool AnyKind(params ValueKind[] kinds) => specs.Any(s => kinds.Contains(s.Kind));
        var description = list.Desc.ToLowerInvariant();

        if (Has("etfprft_rt") && Has("cntr_prft_rt"))
        {
            return ListShape.EtfReturns;
        }

        if (Has("motn_pric") && Has("viaplc_tp"))
        {
            return ListShape.ViEvents;
        }

        if (Has("listCount") && Has("regDay"))
        {
            return ListShape.ListingDirectory;
        }

        // A list of index levels with advancing/declining counts is a list of sectors even where its columns are
        // called stk_cd/stk_nm (ka20003 answers "001" / "종합(KOSPI)" there).
        if (AnyKind(ValueKind.Code, ValueKind.Name) && AnyKind(ValueKind.Index) && specs.Any(s => s.Kind == ValueKind.Count && s.Name is "rising" or "fall"))
        {
            return ListShape.SectorIndices;
        }

        if (AnyKind(ValueKind.Code, ValueKind.Name))
        {
            return ListShape.Instruments;
        }

        if (AnyKind(ValueKind.SectorCode))
        {
            return ListShape.Sectors;
        }

        if (AnyKind(ValueKind.ThemeCode, ValueKind.ThemeName))
        {
            return ListShape.Themes;
        }

        if (AnyKind(ValueKind.BrokerCode, ValueKind.BrokerName))
        {
            return ListShape.Brokers;
        }

        if (AnyKind(ValueKind.Date))
        {
            return ListShape.Days;
        }

        // Indicators are computed from the model at any moment; a tape only has what traded.
        if (description.Contains("indicator", StringComparison.Ordinal) || description.Contains("nav", StringComparison.Ordinal))
        {
            return ListShape.IndicatorSeries;
        }

        if (AnyKind(ValueKind.Time, ValueKind.DateTime) || description.Contains("by time", StringComparison.Ordinal))
        {
            return ListShape.Tape;
        }

        return ListShape.Repeated;
    }
}
