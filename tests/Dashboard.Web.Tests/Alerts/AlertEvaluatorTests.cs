using Dashboard.Web.Alerts;
using Dashboard.Web.Broker;
using Microsoft.Extensions.Time.Testing;
using PriceDirection = Dashboard.Kiwoom.Wire.PriceDirection;
using ViEvent = Dashboard.Kiwoom.Realtime.ViEvent;
using ViEventKind = Dashboard.Kiwoom.Realtime.ViEventKind;

namespace Dashboard.Web.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero));

    [Fact]
    public void PriceAboveFiresOnceWhenReachedAndNotAgainWhileItStaysAbove()
    {
        var evaluator = Evaluator(Rule(AlertKind.PriceAbove, 70_000, rearm: true));

        Assert.Empty(evaluator.OnQuote(QuoteOf(69_900)));
        var hit = Assert.Single(evaluator.OnQuote(QuoteOf(70_000)));
        Assert.Equal(70_000m, hit.Value);
        Assert.Empty(evaluator.OnQuote(QuoteOf(70_100)));
    }

    [Fact]
    public void ARearmingAlertFiresAgainOnlyAfterTheConditionCleared()
    {
        var evaluator = Evaluator(Rule(AlertKind.PriceBelow, 60_000, rearm: true));

        Assert.Single(evaluator.OnQuote(QuoteOf(59_900)));
        Assert.Empty(evaluator.OnQuote(QuoteOf(59_800)));
        Assert.Empty(evaluator.OnQuote(QuoteOf(60_100)));
        Assert.Equal(59_500m, Assert.Single(evaluator.OnQuote(QuoteOf(59_500))).Value);
    }

    [Fact]
    public void AOneShotAlertNeverFiresTwice()
    {
        var evaluator = Evaluator(Rule(AlertKind.PriceAbove, 70_000, rearm: false));

        Assert.Single(evaluator.OnQuote(QuoteOf(70_500)));
        Assert.Empty(evaluator.OnQuote(QuoteOf(69_000)));
        Assert.Empty(evaluator.OnQuote(QuoteOf(71_000)));
        Assert.Empty(evaluator.QuoteCodes);
    }

    [Fact]
    public void RateOfChangeCountsOnlyMovesWithinTheWindow()
    {
        var evaluator = Evaluator(Rule(AlertKind.RateOfChange, 2m, window: 5));

        evaluator.OnQuote(QuoteOf(10_000));
        time.Advance(TimeSpan.FromMinutes(6));
        // 10,000 → 10,300 is +3 %, but the 10,000 sample is older than the window now.
        Assert.Empty(evaluator.OnQuote(QuoteOf(10_100)));
        time.Advance(TimeSpan.FromMinutes(2));
        var hit = Assert.Single(evaluator.OnQuote(QuoteOf(10_320)));
        Assert.Equal(2.18m, hit.Value);
    }

    [Fact]
    public void ADropCountsAsAChangeToo()
    {
        var evaluator = Evaluator(Rule(AlertKind.RateOfChange, 1.5m, window: 10));

        evaluator.OnQuote(QuoteOf(20_000));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(-2m, Assert.Single(evaluator.OnQuote(QuoteOf(19_600))).Value);
    }

    [Fact]
    public void VolumeSpikeMeasuresSharesTradedWithinTheWindow()
    {
        var evaluator = Evaluator(Rule(AlertKind.VolumeSpike, 50_000, window: 1));

        evaluator.OnQuote(QuoteOf(10_000, volume: 1_000_000));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(evaluator.OnQuote(QuoteOf(10_000, volume: 1_040_000)));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(60_000m, Assert.Single(evaluator.OnQuote(QuoteOf(10_000, volume: 1_060_000))).Value);
    }

    [Fact]
    public void ANewTradingDaysVolumeDoesNotLookNegative()
    {
        var evaluator = Evaluator(Rule(AlertKind.VolumeSpike, 500, window: 5));

        evaluator.OnQuote(QuoteOf(10_000, volume: 9_000_000));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(evaluator.OnQuote(QuoteOf(10_000, volume: 100)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(600m, Assert.Single(evaluator.OnQuote(QuoteOf(10_000, volume: 700))).Value);
    }

    [Fact]
    public void ViAlertFiresOnATriggerOfItsStockOnly()
    {
        var evaluator = Evaluator(Rule(AlertKind.ViTriggered, 0, rearm: true));

        Assert.Empty(evaluator.OnVi(Vi("000660", ViEventKind.Triggered)));
        Assert.Empty(evaluator.OnVi(Vi("005930", ViEventKind.Released)));
        Assert.Equal(77_000m, Assert.Single(evaluator.OnVi(Vi("005930", ViEventKind.Triggered))).Value);
        Assert.Single(evaluator.OnVi(Vi("005930", ViEventKind.Triggered)));
    }

    [Fact]
    public void AQuoteOfAnotherStockFiresNothing()
    {
        var evaluator = Evaluator(Rule(AlertKind.PriceAbove, 1));

        Assert.Empty(evaluator.OnQuote(QuoteOf(90_000) with { Code = "000660" }));
    }

    [Fact]
    public void ReplacingRulesKeepsWhetherAnUnchangedRuleIsArmed()
    {
        var rule = Rule(AlertKind.PriceAbove, 70_000, rearm: true);
        var evaluator = Evaluator(rule);
        Assert.Single(evaluator.OnQuote(QuoteOf(70_500)));

        evaluator.SetRules([rule, Rule(AlertKind.PriceBelow, 50_000)]);

        Assert.Empty(evaluator.OnQuote(QuoteOf(70_600)));
    }

    private AlertEvaluator Evaluator(params AlertRule[] rules)
    {
        var evaluator = new AlertEvaluator(time);
        evaluator.SetRules(rules);
        return evaluator;
    }

    private static AlertRule Rule(AlertKind kind, decimal threshold, int window = 0, bool rearm = false) =>
        new(Guid.NewGuid(), "005930", kind, threshold, window, rearm);

    private Quote QuoteOf(long price, long volume = 1_000) =>
        new("005930", "삼성전자", price, PriceDirection.Up, 0, 0m, volume, 1, null, time.GetUtcNow(), false);

    private ViEvent Vi(string code, ViEventKind kind) =>
        new(code, "삼성전자", kind, "정적", 77_000, null, null, null, null, null, null, null, null, "1", "", time.GetUtcNow());
}
