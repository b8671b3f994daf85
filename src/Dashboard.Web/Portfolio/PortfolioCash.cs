namespace Dashboard.Web.Portfolio;

/// <summary>The account's cash (kt00001): the deposit and what can be spent on orders now.</summary>
/// <param name="Orderable">Deposit minus what resting buy orders hold back.</param>
public sealed record PortfolioCash(long Deposit, long Orderable);
