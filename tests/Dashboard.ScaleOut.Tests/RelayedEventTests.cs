using System.Text;
using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.ScaleOut;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.ScaleOut.Tests;

/// <summary>What crosses Redis for one event: the same values back, the holder's fence, account events unreadable in transit.</summary>
public sealed class RelayedEventTests
{
    private readonly IDataProtector protector = new EphemeralDataProtectionProvider().CreateProtector("relay-test");

    [Fact]
    public void AQuoteComesBackWithEveryValueItsFenceAndItsRegistrationItem()
    {
        var quote = Parse("""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","emit_ts":"1767225600123","values":{"20":"093001","10":"+70100","11":"+100","12":"+0.14","15":"+12"}}]}""");

        var message = RelayedEvent.Write(42, "005930", quote, protector);

        Assert.True(RelayedEvent.TryRead(message, protector, out var fence, out var item, out var frame));
        Assert.Equal((42L, "005930"), (fence, item));
        var back = Parse(frame);
        Assert.Equal(("0B", "주식체결", "005930"), (back.Type, back.Name, back.Item));
        Assert.Equal(quote.EmittedAt, back.EmittedAt);
        Assert.Equal(Values(quote), Values(back));
    }

    [Fact]
    public void AnAccountEventIsEncryptedInTransitAndOpensOnlyWithTheSharedKeyRing()
    {
        var fill = Parse("""{"trnm":"REAL","data":[{"type":"00","name":"주문체결","item":"005930","values":{"9201":"5012345678","9203":"0000123","913":"체결","10":"+70100"}}]}""");

        var message = RelayedEvent.Write(7, "", fill, protector);

        Assert.DoesNotContain("5012345678", Encoding.UTF8.GetString(message), StringComparison.Ordinal);
        Assert.True(RelayedEvent.TryRead(message, protector, out _, out var item, out var frame));
        Assert.Equal("", item);
        Assert.Equal(Values(fill), Values(Parse(frame)));
        var otherRing = new EphemeralDataProtectionProvider().CreateProtector("relay-test");
        Assert.False(RelayedEvent.TryRead(message, otherRing, out _, out _, out _));
    }

    [Fact]
    public void ATruncatedMessageIsRefusedNotThrown()
    {
        Assert.False(RelayedEvent.TryRead([1, 2, 3], protector, out _, out _, out _));
        var message = RelayedEvent.Write(1, "005930", Parse("""{"trnm":"REAL","data":[{"type":"0B","name":"주식체결","item":"005930","values":{"10":"+1"}}]}"""), protector);
        Assert.False(RelayedEvent.TryRead(message[..11], protector, out _, out _, out _));
    }

    private static RealtimeEvent Parse(string frame) => Parse(Encoding.UTF8.GetBytes(frame));

    private static RealtimeEvent Parse(byte[] frame)
    {
        var events = new List<RealtimeEvent>();
        Assert.Equal(RealtimeMessageKind.Real, new RealtimeFrameParser().Parse(frame, events, out var problem));
        Assert.Null(problem);
        return Assert.Single(events);
    }

    private static List<(int, string)> Values(RealtimeEvent e) =>
        [.. Enumerable.Range(0, e.Values.Count).Select(i => (e.Values.FidAt(i), Encoding.UTF8.GetString(e.Values.Utf8At(i))))];
}
