using Dashboard.Web.Data;
using Dashboard.Web.Orders;
using Dashboard.Web.Tests.Broker;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// An intent, a refusal or an admin change commits with synchronous=FULL (on the disk before its caller goes on: the
/// order TR leaves only after); a batch holding only what the broker answered commits with NORMAL, because
/// reconciliation can read it from the broker again. One durable append in a batch makes the whole batch FULL.
/// </summary>
public sealed class AuditDurabilityTests : IAsyncLifetime
{
    private const long Normal = 1, Full = 2;

    private readonly OrdersHost host = new(new Dictionary<string, string?> { ["Orders:NotPlacedAfter"] = "00:00:00" });
    private string memberId = string.Empty;
    private System.Security.Claims.ClaimsPrincipal principal = new();
    private Guid connection;

    public async Task InitializeAsync()
    {
        host.Prices.Prices["005930"] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        (memberId, principal) = await host.MemberAsync("durable@team.test", DashboardRoles.Trader);
        connection = host.Gateway.Connect(memberId);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AnIntentCommitsToTheDiskAndTheBrokersAnswerAloneDoesNotWaitForIt()
    {
        var first = await host.Orders.PlaceOrderAsync(principal, Ticket());
        Assert.Equal(OrderOutcome.Accepted, first.Outcome);
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        // The second order's TR is held at the broker: the last batch committed is its intent's, and it went to the disk.
        host.Gateway.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var placing = host.Orders.PlaceOrderAsync(principal, Ticket());
        await Eventually.TrueAsync(() => host.Gateway.Sent.Count == 2, TimeSpan.FromSeconds(30));
        Assert.Equal(Full, host.Audit.WriterSynchronous());

        // Its answer's Accepted row, alone in its batch, did not wait for the disk.
        host.Gateway.Gate.SetResult();
        Assert.Equal(OrderOutcome.Accepted, (await placing).Outcome);
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        // A refusal (an audit event of our own) is durable again.
        await host.Audit.AppendAsync(Event("a refusal of our own"));
        Assert.Equal(Full, host.Audit.WriterSynchronous());
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ABatchWithAnAnswerAndAnythingElseCommitsToTheDisk()
    {
        var placed = await host.Orders.PlaceOrderAsync(principal, Ticket());
        Assert.Equal(OrderOutcome.Accepted, placed.Outcome);
        Assert.Equal(Normal, host.Audit.WriterSynchronous());

        // An answer-like change and an admin note queued together behind a held writer: one batch, FULL.
        var (held, release) = await host.Audit.HoldAsync(Event("held"));
        var store = host.Services.GetRequiredService<OrderIntentStore>();
        var change = store.ChangeAsync(placed.IntentId, i => new AuditEvent(OrderAuditKind.Reconciled, i.MemberId, AuditEvent.System, IntentId: i.Id, Details: "read back"));
        var note = host.Audit.AppendAsync(Event("admin note"));
        await Eventually.TrueAsync(() => host.Audit.Queued == 2, TimeSpan.FromSeconds(30));
        release.SetResult();
        await Task.WhenAll(held, change, note);
        await Eventually.TrueAsync(() => host.Audit.Queued == 0, TimeSpan.FromSeconds(30));
        Assert.Equal(Full, host.Audit.WriterSynchronous());
        Assert.True((await host.Audit.VerifyAsync()).IsIntact);
    }

    private OrderTicket Ticket() => new(Guid.NewGuid(), connection, "005930", OrderSide.Buy, 1, 69_000, "0");

    private static AuditEvent Event(string details) => new(OrderAuditKind.LimitChanged, "member", "admin", Details: details);
}
