using Dashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Orders;

/// <summary>
/// At start-up, resolves intents a stopped process left sent or unknown (REL-10) and re-attaches order
/// tracking for open orders; then, every <see cref="OrdersOptions.ReconcileInterval"/>, retries what is
/// still unknown and lets idle sessions go.
/// </summary>
internal sealed class OrderReconciliationService(
    OrderReconciler reconciler,
    OrderTracker tracker,
    OrderIntentStore store,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OrderReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the server listens: the embedded simulator answers at this server's own address, and a
        // session opened earlier would keep an address that is not bound yet.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        await StartupAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReconcileInterval, time, stoppingToken);
                await PassAsync(startup: false, stoppingToken);
                await tracker.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal async Task StartupAsync(CancellationToken ct)
    {
        var pending = await reconciler.PendingAsync(ct);
        OrdersLog.StartupReconcile(logger, pending.Count);
        foreach (var sent in pending.Where(p => p.State == OrderState.Sent))
        {
            // Sent and never answered: the process stopped mid-call, so Kiwoom may or may not have it.
            await store.ChangeAsync(sent.Id, i =>
            {
                if (i.State != OrderState.Sent)
                {
                    return null;
                }

                i.State = OrderState.UnknownOutcome;
                return OrderIntentStore.Event(i, OrderAuditKind.UnknownOutcome, AuditEvent.System, "no answer recorded before the dashboard stopped");
            }, ct);
        }

        await PassAsync(startup: true, ct);

        // Open orders keep their member's session (and 00 feed) alive with no page open.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.OrderIntents.AsNoTracking()
            .Where(i => i.State == OrderState.Accepted || i.State == OrderState.PartiallyFilled)
            .Select(i => new { i.MemberId, i.ConnectionId }).Distinct().ToListAsync(ct);
        foreach (var o in open)
        {
            if ((await tracker.GetChannelAsync(o.MemberId, o.ConnectionId, ct)).Channel is not null)
            {
                await tracker.ReleaseAsync(o.ConnectionId, ct);
            }
        }
    }

    private async Task PassAsync(bool startup, CancellationToken ct)
    {
        var now = time.GetUtcNow();

        // A Sent intent younger than the not-placed window may still be waiting for its answer in another call.
        var due = (await reconciler.PendingAsync(ct))
            .Where(i => startup || i.State != OrderState.Sent || now - i.CreatedAt >= options.Value.NotPlacedAfter).ToList();
        if (due.Count > 0)
        {
            await reconciler.ReconcileAsync(due, ct);
        }
    }
}
