using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>
/// Runs a test's action once, just before the next save writes anything: another member's edit lands
/// after this one read the list and before it saves, the interleaving a real race produces.
/// </summary>
public sealed class InterleavingInterceptor : SaveChangesInterceptor
{
    private Func<Task>? pending;

    public void BeforeNextSave(Func<Task> action) => pending = action;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Taken before running, so the other member's own save passes straight through.
        if (Interlocked.Exchange(ref pending, null) is { } action)
        {
            await action();
        }

        return result;
    }
}
