using Dashboard.Kiwoom;
using Dashboard.Web.ScaleOut;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.ScaleOut.Tests;

/// <summary>What crosses Redis between a non-holder and a holder: only this dashboard's key ring reads or writes it.</summary>
public sealed class RoutedMessagesTests
{
    private static readonly IDataProtector Protector = new EphemeralDataProtectionProvider().CreateProtector("routed-test");

    [Fact]
    public void AnAnswerComesBackAsTheRestClientReturnedIt()
    {
        var error = new KiwoomError(KiwoomErrorKind.Transport, -1, null, "HTTP 503", 503);
        var answer = new RoutedAnswer(Guid.NewGuid(), RoutedStatus.Answered, 503, "kt10000", "next-7", 1500, [1, 2, 3], error);

        var read = RoutedMessages.ReadAnswer(RoutedMessages.Write(answer, Protector), Protector)!.ToResult();

        Assert.True(read.IsSuccess);
        Assert.Equal(503, read.Value!.StatusCode);
        Assert.Equal("next-7", read.Value.Next?.NextKey);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), read.Value.RetryAfter);
        Assert.Equal([1, 2, 3], read.Value.Body.ToArray());
        Assert.Equal(error, read.Value.Error);
        Assert.True(read.Value.Error!.IsOutcomeUnknown); // an order's 5xx stays an unknown outcome on the asker
    }

    [Fact]
    public void AFailureWithoutAnAnswerStaysAFailure()
    {
        var error = new KiwoomError(KiwoomErrorKind.Authentication, 3, "8001", "bad key");

        var read = RoutedMessages.ReadAnswer(RoutedMessages.Write(RoutedAnswer.From(Guid.NewGuid(), error), Protector), Protector)!.ToResult();

        Assert.False(read.IsSuccess);
        Assert.Equal(error, read.Error);
    }

    [Fact]
    public void AMessageOfAnotherKeyRingOrTamperedWithIsNotActedOn()
    {
        var request = new RoutedRequest(Guid.NewGuid(), RoutedKind.Order, "kt10000", [1], null, "p:replies:a", 0);
        var foreign = new EphemeralDataProtectionProvider().CreateProtector("routed-test");
        var written = RoutedMessages.Write(request, foreign);

        Assert.Null(RoutedMessages.ReadRequest(written, Protector));
        var ours = RoutedMessages.Write(request, Protector);
        ours[^1] ^= 1;
        Assert.Null(RoutedMessages.ReadRequest(ours, Protector));
        Assert.Null(RoutedMessages.ReadRequest("not json"u8.ToArray(), Protector));
        var roundTrip = RoutedMessages.ReadRequest(RoutedMessages.Write(request, Protector), Protector);
        Assert.NotNull(roundTrip);
        Assert.Equal(request, roundTrip with { Body = request.Body });
    }

    [Fact]
    public void TheHolderRepliesOnlyOnThisDashboardsReplyChannels()
    {
        var options = new ScaleOutOptions { Prefix = "team" };

        Assert.True(RoutedRequestClient.IsReplyChannel(options, "team:replies:app1"));
        Assert.False(RoutedRequestClient.IsReplyChannel(options, "team:events:key"));
        Assert.False(RoutedRequestClient.IsReplyChannel(options, "other:replies:app1"));
    }
}
