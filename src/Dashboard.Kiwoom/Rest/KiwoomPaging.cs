using System.Runtime.CompilerServices;

namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// Follows a continuation query (<c>cont-yn</c>/<c>next-key</c>) page by page, whoever sends each page: the REST
/// client itself, or a session that hands each page to another instance. One loop, so both stop the same way.
/// </summary>
public static class KiwoomPaging
{
    /// <summary>
    /// Sends the first page (no continuation), then each next page with the <see cref="KiwoomPage{TResponse}.Next"/>
    /// of the one before, until a page says there is no more (<c>cont-yn</c> N: Next null) or <paramref name="maxPages"/>
    /// pages were sent. A failed page is yielded and ends the sequence.
    /// </summary>
    /// <param name="sendPage">Sends one page from the given continuation (null: the first page).</param>
    public static async IAsyncEnumerable<KiwoomResult<TResponse>> FollowAsync<TResponse>(
        Func<KiwoomContinuation?, CancellationToken, Task<KiwoomResult<KiwoomPage<TResponse>>>> sendPage,
        int maxPages,
        [EnumeratorCancellation] CancellationToken ct = default)
        where TResponse : KiwoomResponse
    {
        ArgumentNullException.ThrowIfNull(sendPage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPages);
        KiwoomContinuation? next = null;
        for (var page = 0; page < maxPages; page++)
        {
            var result = await sendPage(next, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                yield return result.Error;
                yield break;
            }

            yield return KiwoomResult<TResponse>.Success(result.Value.Value);
            next = result.Value.Next;
            if (next is null)
            {
                yield break;
            }
        }
    }
}
