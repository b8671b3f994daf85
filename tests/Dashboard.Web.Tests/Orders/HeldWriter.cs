using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>Holds the audit writer inside a batch, so a test knows which appends queue up behind it.</summary>
internal static class HeldWriter
{
    /// <summary>Starts a database decision that appends <paramref name="e"/> and stays in the writer until the returned source is completed.</summary>
    public static async Task<(Task<OrderAuditEntry?> Held, TaskCompletionSource Release)> HoldAsync(this OrderAuditLog audit, AuditEvent e)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = audit.AppendAsync(async (_, _) =>
        {
            entered.SetResult();
            await release.Task;
            return e;
        });
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (held, release);
    }
}
