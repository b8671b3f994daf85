using Dashboard.Web.Data;

namespace Dashboard.Web.Orders;

/// <summary>
/// One append to the order audit, as the single writer runs it. Most appends are decided in memory
/// (<see cref="AuditWork.Decide"/>): the writer reads what a whole run of them needs in a few queries
/// (<see cref="AuditBatch"/>), decides each in arrival order without touching the database, and saves the run
/// with one SaveChanges. An append that must read the database as it decides is a <see cref="DatabaseAuditWork"/>
/// (admin changes, 00 pushes): it runs alone in a savepoint, after the run before it has been saved.
/// </summary>
public abstract class AuditWork
{
    /// <summary>Names what <see cref="Decide"/> will look up, so the batch reads it for the whole run at once.</summary>
    internal virtual void Collect(AuditBatch batch)
    {
    }

    /// <summary>
    /// Decides in memory, in arrival order: the rows to append (in order), or null for none. It changes entities
    /// only through <paramref name="batch"/> and leaves nothing changed when it throws or returns null.
    /// </summary>
    internal abstract IReadOnlyList<AuditEvent>? Decide(AuditBatch batch);

    /// <summary>
    /// Whether this append only records what the broker said, which reconciliation can read from the broker again
    /// (an answer's outcome, a reconciled state). A batch of only such appends commits without waiting for the disk
    /// (see <see cref="OrderAuditLog"/>); an intent, a refusal or an admin change always waits for it.
    /// </summary>
    internal virtual bool RecordsWhatTheBrokerSaid => false;
}

/// <summary>A row to append as it is (a refusal, a lone admin note).</summary>
internal sealed class EventAuditWork(AuditEvent e) : AuditWork
{
    internal override IReadOnlyList<AuditEvent> Decide(AuditBatch batch) => [e];
}

/// <summary>A decision that reads and changes the database itself; the writer gives it a savepoint of its own.</summary>
internal sealed class DatabaseAuditWork(Func<ApplicationDbContext, CancellationToken, Task<IReadOnlyList<AuditEvent>?>> decide) : AuditWork
{
    public Func<ApplicationDbContext, CancellationToken, Task<IReadOnlyList<AuditEvent>?>> DecideAsync { get; } = decide;

    internal override IReadOnlyList<AuditEvent> Decide(AuditBatch batch) =>
        throw new InvalidOperationException("A database decision runs in its own savepoint, not in memory.");
}

/// <summary>
/// A change to one intent that needs nothing but the intent (an answer's outcome, a reconciled state). The intent
/// is read with the others of the run in one query; a change that throws or records nothing is undone in memory.
/// </summary>
internal sealed class IntentChangeWork(Guid intentId, Func<OrderIntent, AuditEvent?> change) : AuditWork
{
    /// <summary>The intent as this change left it (taken at once: a later change of the same run may change it again).</summary>
    public OrderView? View { get; private set; }

    public AuditEvent? Recorded { get; private set; }

    public string? MemberId { get; private set; }

    // Every caller records an answer or a state read back from the broker's lists (OrderService, the reconcilers).
    internal override bool RecordsWhatTheBrokerSaid => true;

    internal override void Collect(AuditBatch batch) => batch.NeedIntent(intentId);

    internal override IReadOnlyList<AuditEvent>? Decide(AuditBatch batch)
    {
        if (batch.Intent(intentId) is not { } intent)
        {
            return null;
        }

        var before = batch.Db.Entry(intent).CurrentValues.Clone();
        AuditEvent? e;
        try
        {
            e = change(intent);
        }
        catch
        {
            batch.Db.Entry(intent).CurrentValues.SetValues(before);
            throw;
        }

        if (e is null)
        {
            batch.Db.Entry(intent).CurrentValues.SetValues(before);
            return null;
        }

        intent.UpdatedAt = batch.Now;
        View = OrderView.From(intent);
        MemberId = intent.MemberId;
        Recorded = e;
        return [e];
    }
}
