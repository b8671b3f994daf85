using Dashboard.Kiwoom.Generated;
using Dashboard.Web.Broker;
using Dashboard.Web.Watchlists;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Vi;

/// <summary>
/// The member's holdings (kt00018 of the active connection) and every code on the watchlists they can see.
/// A failed holdings read still leaves the watchlists: a VI on a watched stock should not go unseen because
/// the account query was refused.
/// </summary>
public sealed class MemberViInterest(AuthenticationStateProvider authentication, WatchlistService watchlists, ILogger<MemberViInterest> logger) : IViInterest
{
    private const int MaxHoldingPages = 5;

    public async Task<IReadOnlySet<string>> CodesAsync(IBrokerSession session, CancellationToken ct = default)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var member = (await authentication.GetAuthenticationStateAsync()).User;
        if (member.Identity?.IsAuthenticated == true)
        {
            foreach (var list in await watchlists.ListAsync(member, ct))
            {
                if (await watchlists.GetAsync(member, list.Id, ct) is { } details)
                {
                    codes.UnionWith(details.Items.Select(i => i.Code));
                }
            }
        }

        await foreach (var page in session.Queries.QueryPagesAsync(new Kt00018Request { QueryType = "1", Exchange = "KRX" }, MaxHoldingPages, ct))
        {
            if (!page.IsSuccess)
            {
                ViLog.HoldingsUnreadable(logger, page.Error.Message);
                break;
            }

            codes.UnionWith(page.Value.Holdings.Where(h => h.RemainingQuantity.Value is > 0).Select(h => h.StockCode.Code).OfType<string>());
        }

        return codes;
    }
}
