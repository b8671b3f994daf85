using Dashboard.Kiwoom.Auth;

namespace Dashboard.Kiwoom.Tests.Auth;

public sealed class KoreaTimeTests
{
    [Fact]
    public void ExpiresDtIsKoreaWallClockNineHoursAheadOfUtc()
    {
        Assert.True(KoreaTime.TryParseTimestamp("20251109235445", out var instant));

        Assert.Equal(new DateTimeOffset(2025, 11, 9, 14, 54, 45, TimeSpan.Zero), instant.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(9), instant.Offset);
    }

    [Fact]
    public void KoreaOffsetMatchesTheTimeZoneDatabaseAllYear()
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        for (var month = 1; month <= 12; month++)
        {
            var instant = new DateTimeOffset(2026, month, 15, 3, 0, 0, TimeSpan.Zero);
            Assert.Equal(seoul.GetUtcOffset(instant), KoreaTime.Offset);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2025110923544")]
    [InlineData("20251332235445")]
    [InlineData("2025-11-09 23:54")]
    public void MalformedExpiresDtIsRejected(string? value)
    {
        Assert.False(KoreaTime.TryParseTimestamp(value, out _));
    }
}
