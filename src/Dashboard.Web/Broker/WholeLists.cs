using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Broker;

/// <summary>A list TR read to its end, or why it was not: a page that could not be read, or more pages than allowed.</summary>
public sealed record WholeList<TResponse>(IReadOnlyList<TResponse>? Pages, KiwoomError? Unreadable)
{
    /// <summary>The list ran to the page limit: what lies past it was not read, so the pages read are not the whole list.</summary>
    public bool TooLong => Pages is null && Unreadable is null;
}

public static class WholeLists
{
    /// <summary>
    /// Every page of a list TR, for callers that judge by absence ("not in the open list", "not in the fills"): a list
    /// cut at <paramref name="maxPages"/> or broken by an unreadable page is no list at all, since an order on a page not
    /// read would be judged gone. The reconciliation and the open-order read-back both read the broker's lists this way.
    /// </summary>
    public static async Task<WholeList<TResponse>> ReadWholeListAsync<TResponse>(
        this IBrokerQueries queries, IKiwoomRequest<TResponse> request, int maxPages, CancellationToken ct)
        where TResponse : KiwoomResponse
    {
        var pages = new List<TResponse>();
        await foreach (var page in queries.QueryPagesAsync(request, maxPages, ct))
        {
            if (!page.IsSuccess)
            {
                return new WholeList<TResponse>(null, page.Error);
            }

            pages.Add(page.Value);
        }

        return pages.Count >= maxPages ? new WholeList<TResponse>(null, null) : new WholeList<TResponse>(pages, null);
    }
}
