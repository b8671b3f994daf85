using Dashboard.Kiwoom.Tests.Rest;

namespace Dashboard.Kiwoom.Tests.Auth;

/// <summary>REL-03: a token within 10 minutes of its Korea-time expiry is replaced before use, whatever the host's time zone.</summary>
[Collection(ProcessTimeZone.Name)]
public sealed class TokenExpiryTimeZoneTests
{
    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("America/New_York", -5)]
    [InlineData("Asia/Seoul", 9)]
    public async Task TokenNearItsKoreaTimeExpiryIsRefreshedBeforeUse(string tz, int expectedOffsetHours)
    {
        using var zone = ProcessTimeZone.Set(tz);
        Assert.Equal(TimeSpan.FromHours(expectedOffsetHours), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));

        var harness = new RestHarness();
        var issuedAt = harness.Time.GetUtcNow();

        // Kiwoom states the expiry on the Korea wall clock: 2 hours after issue.
        harness.Handler.ExpiresDt = now => now.ToOffset(TimeSpan.FromHours(9)).AddHours(2).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        var first = await harness.Tokens.GetTokenAsync(harness.Credential);
        Assert.True(first.IsSuccess);
        Assert.Equal(issuedAt.AddHours(2), first.Value.ExpiresAt);

        harness.Time.Advance(TimeSpan.FromMinutes(109));
        var stillCached = await harness.Tokens.GetTokenAsync(harness.Credential);
        Assert.Equal(first.Value.Value, stillCached.Value!.Value);
        Assert.Equal(1, harness.Handler.IssueCount);

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await harness.Tokens.GetTokenAsync(harness.Credential);
        Assert.NotEqual(first.Value.Value, refreshed.Value!.Value);
        Assert.Equal(2, harness.Handler.IssueCount);
    }
}
