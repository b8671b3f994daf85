using Dashboard.Web.Broker;
using Dashboard.Web.Vi;

namespace Dashboard.Web.Tests.Vi;

/// <summary>The member's held and watched codes as the test sets them; counts the reads.</summary>
public sealed class FakeViInterest(params string[] codes) : IViInterest
{
    public HashSet<string> Codes { get; } = [.. codes];

    public int Reads { get; private set; }

    public Task<IReadOnlySet<string>> CodesAsync(IBrokerSession session, CancellationToken ct = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(Codes));
    }
}
