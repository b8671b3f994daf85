using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dashboard.Web.Orders;

/// <summary>
/// Meter "Dashboard.Orders": where an order's server-side time goes, one histogram (ms) per stage of the
/// pipeline and of the audit writer. Recorded only while something listens (the S5 bench, an exporter),
/// so the order path pays a flag check otherwise.
/// </summary>
public sealed class OrderMetrics
{
    public const string MeterName = "Dashboard.Orders";

    public OrderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Histogram<double> H(string name, string description) => meter.CreateHistogram<double>("dashboard.orders." + name, "ms", description);
        Admit = H("admit", "Authorization and the duplicate-intent lookup before anything else");
        Channel = H("channel", "Getting the connection's order channel from the tracker");
        PriceReference = H("price_reference", "The price reference (cached per connection, or a broker query)");
        Validate = H("validate", "Field validation on the server");
        IntentRecorded = H("intent_recorded", "Pre-trade checks plus the Intent and Sent rows committed, as the caller waits for it");
        OutcomeRecorded = H("outcome_recorded", "The broker's answer recorded and committed, as the caller waits for it");
        Release = H("release", "Releasing the channel (the tracker's settle check)");
        PreTradeChecks = H("pretrade_checks", "Inside the writer: the intent lookup, limits, halts and the per-minute count");
        QueueWait = H("audit.queue_wait", "An append queued until a batch takes it");
        Decide = H("audit.decide", "An append's decision inside the batch (in memory, or its own reads and changes for a database decision)");
        Save = H("audit.save", "One SaveChanges: of a run of in-memory appends, or of a database decision with its savepoint statements");
        Prefetch = H("audit.prefetch", "A run's reads for all its in-memory decisions (intents, per-minute counts, limits)");
        ChainHead = H("audit.chain_head", "Finding the end of the chain once per batch");
        Commit = H("audit.commit", "One batch's COMMIT (the fsync)");
        Wakeup = H("audit.wakeup", "Batch committed until the appending caller runs again");
        IntentQueueWait = H("audit.queue_wait.intent", "A new intent's append queued until a batch takes it (audit.queue_wait, intents only)");
        WriterStart = H("audit.writer_start", "An append that found the writer idle, until the writer's task runs (a thread-pool hop)");
        Open = H("audit.open", "One batch's context, connection and BEGIN before its first read");
        Batch = H("audit.batch", "One batch taken until committed: everything the writer does for it (its appends' commit waits on it)");
        IntentBatch = H("audit.batch.intents", "audit.batch, of the batches holding at least one new intent");
        Settle = H("audit.settle", "A batch committed until every append of it is told (transaction and context disposed, rows logged)");
        BatchAppends = meter.CreateHistogram<double>("dashboard.orders.audit.batch_appends", "{append}", "Appends taken into one batch");
        BatchIntents = meter.CreateHistogram<double>("dashboard.orders.audit.batch_intents", "{append}", "New intents taken into one batch");
    }

    public Histogram<double> Admit { get; }

    public Histogram<double> Channel { get; }

    public Histogram<double> PriceReference { get; }

    public Histogram<double> Validate { get; }

    public Histogram<double> IntentRecorded { get; }

    public Histogram<double> OutcomeRecorded { get; }

    public Histogram<double> Release { get; }

    public Histogram<double> PreTradeChecks { get; }

    public Histogram<double> QueueWait { get; }

    public Histogram<double> Decide { get; }

    public Histogram<double> Save { get; }

    public Histogram<double> Prefetch { get; }

    public Histogram<double> ChainHead { get; }

    public Histogram<double> Commit { get; }

    public Histogram<double> Wakeup { get; }

    public Histogram<double> IntentQueueWait { get; }

    public Histogram<double> WriterStart { get; }

    public Histogram<double> Open { get; }

    public Histogram<double> Batch { get; }

    public Histogram<double> IntentBatch { get; }

    public Histogram<double> Settle { get; }

    public Histogram<double> BatchAppends { get; }

    public Histogram<double> BatchIntents { get; }

    /// <summary>Records the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) when anyone listens.</summary>
    public static void Since(Histogram<double> histogram, long started)
    {
        if (histogram.Enabled)
        {
            histogram.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
