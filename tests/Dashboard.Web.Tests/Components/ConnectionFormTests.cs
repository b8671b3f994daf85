using Bunit;
using Dashboard.Kiwoom;
using Dashboard.Web.Components.Pages.Settings;
using Dashboard.Web.Connections;

namespace Dashboard.Web.Tests.Components;

public sealed class ConnectionFormTests
{
    [Fact]
    public async Task EmptySubmitShowsKoreanValidationMessages()
    {
        await using var context = new DashboardTestContext("ko");
        var saved = false;
        var form = context.Render<ConnectionForm>(p => p.Add(x => x.OnSaved, () => saved = true));

        form.Find("form").Submit();

        Assert.Contains("이름을 입력하세요.", form.Markup);
        Assert.False(saved);
    }

    [Fact]
    public async Task EmptySubmitShowsEnglishValidationMessagesForEnglishMembers()
    {
        await using var context = new DashboardTestContext("en");
        var form = context.Render<ConnectionForm>();

        form.Find("form").Submit();

        Assert.Contains("Enter a label.", form.Markup);
    }

    [Fact]
    public async Task MissingKeysAreReportedByTheServerCheckAndTheTypedLabelStays()
    {
        await using var context = new DashboardTestContext("en");
        var form = context.Render<ConnectionForm>();

        form.Find("#connection-label").Change("My mock account");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Enter the app key.", form.Markup));
        Assert.Contains("Enter the secret key.", form.Markup);
        Assert.Equal("My mock account", form.Find("#connection-label").GetAttribute("value"));
    }

    [Fact]
    public async Task ValidSubmitSavesTheConnectionAndNeverEchoesTheKeys()
    {
        await using var context = new DashboardTestContext("en");
        var saved = false;
        var form = context.Render<ConnectionForm>(p => p.Add(x => x.OnSaved, () => saved = true));

        form.Find("#connection-label").Change("Mock");
        form.Find("#connection-appkey").Change("AKbunitAppKey123456");
        form.Find("#connection-secret").Change("SKbunitSecret654321");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.True(saved));
        Assert.DoesNotContain("AKbunitAppKey123456", form.Markup);
        Assert.DoesNotContain("SKbunitSecret654321", form.Markup);
        var stored = Assert.Single(await context.Services.GetRequiredService<ConnectionService>().ListAsync(context.Member));
        Assert.Equal("••••3456", stored.AppKeyHint);
    }

    [Fact]
    public async Task EditingShowsOnlyTheMaskedHint()
    {
        await using var context = new DashboardTestContext("en");
        var editing = new ConnectionSummary(Guid.NewGuid(), "Live", KiwoomEnvironment.Production, "••••9f3a", null, Web.Data.BrokerConnectionStatus.Verified, null);
        var form = context.Render<ConnectionForm>(p => p.Add(x => x.Editing, editing));

        Assert.Equal("Live", form.Find("#connection-label").GetAttribute("value"));
        Assert.Equal("••••9f3a", form.Find("#connection-appkey").GetAttribute("placeholder"));
        Assert.True(string.IsNullOrEmpty(form.Find("#connection-appkey").GetAttribute("value")));
        Assert.Contains("Leave empty to keep the stored keys.", form.Markup);
    }
}
