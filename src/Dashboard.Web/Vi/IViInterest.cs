using Dashboard.Web.Broker;

namespace Dashboard.Web.Vi;

/// <summary>The stock codes whose VIs concern the signed-in member: what they hold and what they watch.</summary>
public interface IViInterest
{
    Task<IReadOnlySet<string>> CodesAsync(IBrokerSession session, CancellationToken ct = default);
}
