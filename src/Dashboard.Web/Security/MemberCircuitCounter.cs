using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>Open circuits per member, process-wide (SEC-22).</summary>
public sealed class MemberCircuitCounter(IOptions<DashboardOptions> options)
{
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public int Max => options.Value.MaxCircuitsPerMember;

    /// <summary>Counts a new circuit of the member, or refuses it when the member already holds <see cref="Max"/>.</summary>
    public bool TryOpen(string userId)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(userId);
            if (count >= Max)
            {
                return false;
            }

            open[userId] = count + 1;
            return true;
        }
    }

    public void Close(string userId)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(userId) - 1;
            if (count > 0)
            {
                open[userId] = count;
            }
            else
            {
                open.Remove(userId);
            }
        }
    }

    public int OpenCircuits(string userId)
    {
        lock (gate)
        {
            return open.GetValueOrDefault(userId);
        }
    }
}
