namespace Dashboard.Web.Broker;

/// <summary>One listed stock from ka10099, for the symbol search.</summary>
public sealed record StockListing(string Code, string Name, string Market);
