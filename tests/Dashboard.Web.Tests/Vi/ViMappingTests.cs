using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Vi;

namespace Dashboard.Web.Tests.Vi;

/// <summary>Today's VI list (ka10054) as VI events, and the single-price period's clock.</summary>
public sealed class ViMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero); // 10:00 in Korea

    [Fact]
    public void ARowWhoseReleaseIsAheadIsInForceAndAnEarlierOneIsReleased()
    {
        var response = ViWire.Decode<Ka10054Response>(ViWire.Ka10054(
            ("005930", "삼성전자", Now.AddSeconds(-30), Now.AddSeconds(90), 77_000),
            ("000660", "SK하이닉스", Now.AddMinutes(-10), Now.AddMinutes(-8), 63_000)), "ka10054");

        var events = ViMapping.FromKa10054(response, Now).ToList();

        Assert.Equal(2, events.Count);
        Assert.Equal(ViEventKind.Triggered, events[0].Kind);
        Assert.True(ViTiming.IsActive(events[0], Now));
        Assert.Equal(TimeSpan.FromSeconds(90), ViTiming.Remaining(events[0], Now));
        Assert.Equal(77_000, events[0].TriggerPrice);
        Assert.Equal(70_000, events[0].StaticReferencePrice);
        Assert.True(ViTiming.IsStatic(events[0]));
        Assert.True(ViTiming.IsUpward(events[0]));
        Assert.Equal(ViEventKind.Released, events[1].Kind);
        Assert.False(ViTiming.IsUpward(events[1]));
        Assert.False(ViTiming.IsActive(events[1], Now));
    }

    [Fact]
    public void APeriodThatCrossesMidnightStillCountsDown()
    {
        // Triggered 23:59:30 Korea time, release planned 00:01:30: 90 s left at 00:00:00.
        var midnight = new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
        var vi = new ViEvent("005930", "삼성전자", ViEventKind.Triggered, "정적", 77_000, new TimeOnly(23, 59, 30), new TimeOnly(0, 1, 30),
            70_000, null, null, null, null, 1, "1", "101", midnight);

        Assert.Equal(TimeSpan.FromSeconds(90), ViTiming.Remaining(vi, midnight));
        Assert.Equal("1:30", ViTiming.Countdown(ViTiming.Remaining(vi, midnight)));
    }
}
