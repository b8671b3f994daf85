namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>What the rows of a response LIST are, read from the catalog (see <see cref="ListClassifier"/>).</summary>
internal enum ListShape
{
    /// <summary>Candles of a chart TR at its interval.</summary>
    Chart,

    /// <summary>Today's VI triggers and releases (trigger price and VI kind columns).</summary>
    ViEvents,

    /// <summary>The listing directory in camelCase (listCount, regDay): one row per listing with its listing facts.</summary>
    ListingDirectory,

    /// <summary>Sector indices named in stock columns (a code and name with an index-points price and stock counts).</summary>
    SectorIndices,

    /// <summary>Listings ranked by the metric the TR names (a code or name column).</summary>
    Instruments,

    /// <summary>Sectors by their sector code column.</summary>
    Sectors,

    Themes,

    Brokers,

    /// <summary>One row per trading day of the requested listing, or of the requested sector where the columns are index points.</summary>
    Days,

    /// <summary>Values the model computes at each moment (ELW sensitivities, ETF NAV): one row per print, and a row now even before the first.</summary>
    IndicatorSeries,

    /// <summary>The trade tape of the requested listing (or sector, in index points): one row per print.</summary>
    Tape,

    /// <summary>An ETF's returns (ka40001): one row per trading day of the requested period, each its return since the period began.</summary>
    EtfReturns,

    /// <summary>Nothing in the columns names what a row is: the requested listing's figures in ten rows.</summary>
    Repeated,
}
