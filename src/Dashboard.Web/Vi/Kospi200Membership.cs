using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Vi;

/// <summary>
/// Which stocks are in the KOSPI200 (their dynamic VI band is 3%, others' 6%): the members of sector 201 from
/// ka20002, read once per Korean trading day through whichever session asks first and shared by every circuit
/// (the list is the market's, not a member's). A failed read is not cached, so the next page tries again.
/// </summary>
public sealed class Kospi200Membership(TimeProvider time, ILogger<Kospi200Membership> logger)
{
    /// <summary>The index has 200 members; Kiwoom pages its sector lists, and a few pages cover them.</summary>
    private const int MaxPages = 10;

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateOnly Day, IReadOnlySet<string> Codes)? loaded;

    /// <summary>True or false when known; null when the list could not be read.</summary>
    public async Task<bool?> ContainsAsync(IBrokerQueries queries, string code, CancellationToken ct = default) =>
        await MembersAsync(queries, ct) is { } members ? members.Contains(code) : null;

    public async Task<IReadOnlySet<string>?> MembersAsync(IBrokerQueries queries, CancellationToken ct = default)
    {
        var today = KoreaTime.Today(time);
        if (loaded is { } hit && hit.Day == today)
        {
            return hit.Codes;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (loaded is { } again && again.Day == today)
            {
                return again.Codes;
            }

            var codes = new HashSet<string>(StringComparer.Ordinal);
            var request = new Ka20002Request { MarketType = "2", IndsCd = "201", ExchangeType = "1" };
            await foreach (var page in queries.QueryPagesAsync(request, MaxPages, ct))
            {
                if (!page.IsSuccess)
                {
                    ViLog.Kospi200Unreadable(logger, page.Error.Message);
                    return null;
                }

                codes.UnionWith(page.Value.IndsStkpc.Select(row => row.StockCode.Code).OfType<string>());
            }

            if (codes.Count == 0)
            {
                ViLog.Kospi200Unreadable(logger, "the sector list was empty");
                return null;
            }

            loaded = (today, codes);
            return codes;
        }
        finally
        {
            gate.Release();
        }
    }
}
