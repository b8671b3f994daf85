using System.Text.Json;
using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Broker;
using Dashboard.Web.Components.Elw;
using Dashboard.Web.Tests.Broker;
using Dashboard.Web.Tests.Broker.Fakes;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Elw;

/// <summary>A failed ka10050 seed is said in plain words, in both languages, until a 0m push brings the Greeks.</summary>
public sealed class ElwGreeksSnapshotFailureTests : IAsyncDisposable
{
    private const string Elw = "57JBHH";
    private readonly FakeBrokerSession session = new();
    private DashboardTestContext? bunit;

    public async ValueTask DisposeAsync()
    {
        if (bunit is not null)
        {
            await bunit.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("en", "The sensitivity snapshot (ka10050) failed (조회 한도 초과). The Greeks will show with the next 0m push.")]
    [InlineData("ko", "민감도 스냅샷(ka10050)을 불러오지 못했습니다 (조회 한도 초과). 그릭스는 다음 0m 실시간 알림과 함께 표시됩니다.")]
    public async Task AFailedSnapshotIsSaidAndTheNext0mPushStillBringsTheGreeks(string language, string message)
    {
        var page = Render(language);
        session.FakeQueries.Fail("ka10050", new KiwoomError(KiwoomErrorKind.RateLimited, 5, "1700", "조회 한도 초과"));
        var rendered = page.Render<ElwPage>(p => p.Add(e => e.Code, Elw));

        await Eventually.TrueAsync(
            () =>
            {
                page.Time.Advance(TimeSpan.FromMilliseconds(100));
                return rendered.FindAll(".elw-seed-failed") is [var failed] && failed.TextContent.Trim() == message;
            },
            TimeSpan.FromSeconds(5));

        session.FakeFeeds.Live<ElwGreeksQuote>(RealtimeTypes.ElwTheoretical).Publish(
            new ElwGreeksQuote(Elw, new TimeOnly(10, 0), 131m, 28.5m, 0.4512m, 0.0012m, -0.5m, 0.2m, 0.01m, 27m, page.Time.GetUtcNow()));
        await Eventually.TrueAsync(
            () =>
            {
                page.Time.Advance(TimeSpan.FromMilliseconds(100));
                return rendered.FindAll(".elw-delta") is [var delta] && delta.TextContent == "0.4512";
            },
            TimeSpan.FromSeconds(5));
        Assert.Empty(rendered.FindAll(".elw-seed-failed"));
    }

    [Fact]
    public async Task AnEmptySnapshotIsNoFailure()
    {
        var page = Render("en");
        session.FakeQueries.Answer("ka10050", _ => JsonSerializer.Deserialize(
            """{"elwsnst_ix_array":[],"return_code":0,"return_msg":"ok"}""", KiwoomJsonContext.Default.Ka10050Response)!);
        var rendered = page.Render<ElwPage>(p => p.Add(e => e.Code, Elw));

        await Eventually.TrueAsync(() => session.FakeQueries.Sent.Any(r => r.Api.Id == "ka10050"), TimeSpan.FromSeconds(5));
        page.Time.Advance(TimeSpan.FromMilliseconds(200));
        rendered.WaitForAssertion(() => Assert.Contains("Waiting for live values", rendered.Find(".elw-greeks").TextContent));
        Assert.Empty(rendered.FindAll(".elw-seed-failed"));
    }

    private DashboardTestContext Render(string language)
    {
        bunit = new DashboardTestContext(language, services =>
        {
            services.AddSingleton<IBrokerSessions>(new FakeBrokerSessions(session));
            services.AddSingleton(TestMeters.Create());
            services.AddOptions<BrokerOptions>();
        });
        session.FakeQueries.Answer("ka30012", _ => JsonSerializer.Deserialize(
            """{"aset_cd":"A005930","stk_nm":"KB삼성전자콜","return_code":0,"return_msg":"ok"}""", KiwoomJsonContext.Default.Ka30012Response)!);
        return bunit;
    }
}
