using Dashboard.Web.Broker;
using ViEvent = Dashboard.Kiwoom.Realtime.ViEvent;
using ViEventKind = Dashboard.Kiwoom.Realtime.ViEventKind;

namespace Dashboard.Web.Alerts;

/// <summary>
/// One member's alert rules against the live market. Not thread-safe: its runner feeds it one value at a
/// time. A rule fires when its condition becomes true while it is armed; a re-arming rule is armed again
/// once the condition has cleared (so a price hovering at the threshold fires once, not on every tick), a
/// one-shot rule is dropped after firing. Windows (rate of change, volume) are measured on the
/// <see cref="TimeProvider"/>'s clock from the quotes seen, so the first window after start is shorter.
/// </summary>
public sealed class AlertEvaluator(TimeProvider time)
{
    private const int MaxSamplesPerCode = 4096;
    private readonly Dictionary<Guid, RuleState> rules = [];
    private readonly Dictionary<string, Queue<Sample>> samples = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> QuoteCodes =>
        [.. rules.Values.Where(r => r.Rule.WatchesQuotes).Select(r => r.Rule.Code).Distinct(StringComparer.Ordinal)];

    public bool WatchesVi => rules.Values.Any(r => r.Rule.Kind == AlertKind.ViTriggered);

    /// <summary>Replaces the rule set; a rule kept (same id and settings) keeps whether it is armed.</summary>
    public void SetRules(IEnumerable<AlertRule> next)
    {
        var kept = new Dictionary<Guid, RuleState>();
        foreach (var rule in next)
        {
            kept[rule.Id] = rules.TryGetValue(rule.Id, out var known) && known.Rule == rule ? known : new RuleState(rule);
        }

        rules.Clear();
        foreach (var (id, state) in kept)
        {
            rules[id] = state;
        }

        foreach (var code in samples.Keys.Except(QuoteCodes).ToList())
        {
            samples.Remove(code);
        }
    }

    public IReadOnlyList<AlertHit> OnQuote(Quote quote)
    {
        var now = time.GetUtcNow();
        var history = Remember(quote, now);
        var hits = new List<AlertHit>();
        foreach (var state in rules.Values.Where(r => r.Rule.WatchesQuotes && r.Rule.Code == quote.Code).ToList())
        {
            var value = Measure(state.Rule, quote, history, now);
            if (value is null)
            {
                continue;
            }

            var met = Met(state.Rule, value.Value);
            if (met && state.Armed)
            {
                hits.Add(new AlertHit(state.Rule, value.Value, now));
                Disarm(state);
            }
            else if (!met && state.Rule.Rearm)
            {
                state.Armed = true;
            }
        }

        return hits;
    }

    public IReadOnlyList<AlertHit> OnVi(ViEvent vi)
    {
        if (vi.Kind != ViEventKind.Triggered)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var hits = new List<AlertHit>();
        foreach (var state in rules.Values.Where(r => r.Rule.Kind == AlertKind.ViTriggered && r.Rule.Code == vi.Code).ToList())
        {
            // Each trigger is its own event: a re-arming VI alert fires on every one.
            hits.Add(new AlertHit(state.Rule, vi.TriggerPrice ?? 0, now));
            Disarm(state);
        }

        return hits;
    }

    private static bool Met(AlertRule rule, decimal value) => rule.Kind switch
    {
        AlertKind.PriceAbove => value >= rule.Threshold,
        AlertKind.PriceBelow => value <= rule.Threshold,
        AlertKind.RateOfChange => Math.Abs(value) >= rule.Threshold,
        AlertKind.VolumeSpike => value >= rule.Threshold,
        _ => false,
    };

    private static decimal? Measure(AlertRule rule, Quote quote, Queue<Sample> history, DateTimeOffset now)
    {
        if (rule.Kind is AlertKind.PriceAbove or AlertKind.PriceBelow)
        {
            return quote.Price;
        }

        var since = now - TimeSpan.FromMinutes(rule.WindowMinutes);
        var first = history.FirstOrDefault(s => s.At >= since);
        if (first is null)
        {
            return null;
        }

        return rule.Kind switch
        {
            AlertKind.RateOfChange when first.Price > 0 => Math.Round((quote.Price - first.Price) * 100m / first.Price, 2),
            AlertKind.VolumeSpike => quote.CumulativeVolume - first.CumulativeVolume,
            _ => null,
        };
    }

    private void Disarm(RuleState state)
    {
        state.Armed = false;
        if (!state.Rule.Rearm)
        {
            rules.Remove(state.Rule.Id);
        }
    }

    private Queue<Sample> Remember(Quote quote, DateTimeOffset now)
    {
        if (!samples.TryGetValue(quote.Code, out var history))
        {
            history = new Queue<Sample>();
            samples[quote.Code] = history;
        }

        // Cumulative volume starts again each trading day: older samples would make a negative window.
        if (history.Count > 0 && quote.CumulativeVolume < history.Last().CumulativeVolume)
        {
            history.Clear();
        }

        history.Enqueue(new Sample(now, quote.Price, quote.CumulativeVolume));
        var horizon = now - TimeSpan.FromMinutes(AlertInput.MaxWindowMinutes);
        while (history.Count > MaxSamplesPerCode || (history.Count > 1 && history.Peek().At < horizon))
        {
            history.Dequeue();
        }

        return history;
    }

    private sealed record Sample(DateTimeOffset At, long Price, long CumulativeVolume);

    private sealed class RuleState(AlertRule rule)
    {
        public AlertRule Rule { get; } = rule;

        public bool Armed { get; set; } = true;
    }
}
