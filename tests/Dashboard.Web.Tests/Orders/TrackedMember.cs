using System.Security.Claims;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Data;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>
/// The set-up the order tracker tests share: a fresh <see cref="OrdersHost"/> with one trader, their fake broker
/// connection and a price for 005930; <see cref="PushAsync"/> hands the tracker a 00 push as the feed would.
/// </summary>
internal sealed class TrackedMember : IAsyncDisposable
{
    public const string Code = "005930";

    private TrackedMember(OrdersHost host, string id, ClaimsPrincipal principal, Guid connection)
    {
        Host = host;
        Id = id;
        Principal = principal;
        Connection = connection;
    }

    public OrdersHost Host { get; }

    public string Id { get; }

    public ClaimsPrincipal Principal { get; }

    public Guid Connection { get; }

    public OrderTracker Tracker => Host.Services.GetRequiredService<OrderTracker>();

    public static async Task<TrackedMember> StartAsync(string email, IDictionary<string, string?>? settings = null)
    {
        var host = new OrdersHost(settings);
        var (id, principal) = await host.MemberAsync(email, DashboardRoles.Trader);
        var connection = host.Gateway.Connect(id);
        host.Prices.Prices[Code] = new PriceReference(PreviousClose: 70_000, LastPrice: 70_000);
        return new TrackedMember(host, id, principal, connection);
    }

    public Task PushAsync(OrderExecution e) => Tracker.ApplyAsync(Connection, Id, e);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>00 pushes (주문체결) as Kiwoom sends them, for the tracker tests.</summary>
internal static class OrderPushes
{
    /// <summary>
    /// A fill of <paramref name="fill"/> shares leaving <paramref name="unfilled"/> open (FID 902); <paramref name="cumulativeAmount"/>
    /// the order's filled amount so far, this fill included (FID 903), when the test gives it.
    /// </summary>
    public static OrderExecution Fill(string number, long fill, long unfilled, long price, long? cumulativeAmount = null) => new(
        "1234567890", number, TrackedMember.Code, "삼성전자", "체결", "+매수", "보통", "2", fill + unfilled, 70_000, unfilled, cumulativeAmount, "0000000",
        new TimeOnly(9, 30), "1", price, fill, price, fill, null, null, null, "0", "1", DateTimeOffset.UtcNow);

    /// <summary>
    /// The original order's own push after a cancel or modify: its own number and kind, status 확인 (취소 when the rest
    /// was cancelled), FID 902 what stays open.
    /// </summary>
    public static OrderExecution Confirmation(string number, long quantity, long unfilled, string status = "확인") => new(
        "1234567890", number, TrackedMember.Code, "삼성전자", status, "+매수", "보통", "2", quantity, 70_000, unfilled, null, "0000000",
        new TimeOnly(9, 30), "", null, null, null, null, null, null, null, "", "1", DateTimeOffset.UtcNow);

    /// <summary>
    /// A modify's new order's own push: kind 매수정정, status 접수, its own number, FID 900 the shares Kiwoom moved to it
    /// (what was still open when the modify took effect), 901 the new price, 904 the original.
    /// </summary>
    public static OrderExecution ModifyAccepted(string newNumber, string originalNumber, long moved, long price) => new(
        "1234567890", newNumber, TrackedMember.Code, "삼성전자", "접수", "+매수정정", "보통", "2", moved, price, moved, 0, originalNumber,
        new TimeOnly(9, 30), "", null, null, null, null, null, null, null, "", "1", DateTimeOffset.UtcNow);

    /// <summary>The cancel order's own push: kind 매수취소, status 확인, FID 900 the cancelled quantity, 904 the original.</summary>
    public static OrderExecution Cancel(string cancelNumber, string originalNumber, long cancelled) => new(
        "1234567890", cancelNumber, TrackedMember.Code, "삼성전자", "확인", "+매수취소", "보통", "2", cancelled, 70_000, 0, null, originalNumber,
        new TimeOnly(9, 30), "", null, null, null, null, null, null, null, "", "1", DateTimeOffset.UtcNow);
}
