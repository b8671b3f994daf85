using System.Globalization;
using System.Text;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>The audit viewer's CSV: what a spreadsheet opens, in the order the chain was written, with nothing the page would not show.</summary>
public sealed class AuditExportTests : IAsyncLifetime
{
    private readonly OrdersHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TheCsvHasABomAHeaderTheRowsInOrderKoreanNamesAndNoAccountNumbers()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        var alice = await host.MemberAsync("alice@team.test", DashboardRoles.Trader);
        var admin = await host.MemberAsync("admin@team.test", DashboardRoles.Admin, twoFactor: true);
        var connection = host.Gateway.Connect(alice.Id);
        host.Prices.Prices["005930"] = new PriceReference(70_000, 70_000);
        var limit = await host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 10, 70_000, "0"));
        await host.Orders.PlaceOrderAsync(alice.Principal, new OrderTicket(Guid.NewGuid(), connection, "005930", OrderSide.Sell, 5, null, "3"));
        await host.Audit.AppendAsync(new AuditEvent(OrderAuditKind.Reconciled, alice.Id, AuditEvent.System, connection, limit.IntentId, "005930", Details: "found on account 1234567890 (ka10075)"));

        var bytes = await host.Services.GetRequiredService<AuditQueryService>().ExportCsvAsync(admin.Principal, new AuditFilter(MemberId: alice.Id));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditQueryService.CsvHeader, lines[0]);
        var expected = (await host.AuditRowsAsync()).Where(r => r.MemberId == alice.Id).Select(r => r.Sequence).ToList();
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, lines.Skip(1).Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)));

        var first = lines[1];
        Assert.Contains("\"alice@team.test\"", first, StringComparison.Ordinal);
        Assert.Contains("\"주문 의도\",Intent,", first, StringComparison.Ordinal);
        Assert.Contains("\"매수\"", first, StringComparison.Ordinal);
        Assert.Contains("\"보통\",\"0\"", first, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("\"매도\"", StringComparison.Ordinal) && l.Contains("\"시장가\",\"3\"", StringComparison.Ordinal));
        Assert.Contains("\"시스템\"", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("1234567890", text, StringComparison.Ordinal);
        Assert.Contains("••••••7890", lines[^1], StringComparison.Ordinal);
    }
}
