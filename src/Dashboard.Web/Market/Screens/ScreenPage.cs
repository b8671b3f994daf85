using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Market.Screens;

/// <summary>One answered page of a screen's TR: its first list as a table (null when the TR has none) and where the next page starts.</summary>
public sealed record ScreenPage(TrAnswer Answer, ScreenTable? Table, KiwoomContinuation? Next);
