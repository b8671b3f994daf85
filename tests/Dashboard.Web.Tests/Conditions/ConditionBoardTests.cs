using Dashboard.Kiwoom.Realtime;
using Dashboard.Web.Conditions;

namespace Dashboard.Web.Tests.Conditions;

public sealed class ConditionBoardTests
{
    private static readonly TimeOnly Now = new(9, 30, 0);

    [Fact]
    public void TheStartingSnapshotFillsTheSetWithoutRecordingEntries()
    {
        var board = new ConditionBoard();

        var delta = board.Apply(new ConditionChange("0", ConditionChangeKind.Snapshot, ["005930", "000660"], null), Now);

        Assert.Equal(["000660", "005930"], delta.Added.Order());
        Assert.All(board.Members, m => Assert.Null(m.EnteredAt));
        Assert.Empty(board.Events);
    }

    [Fact]
    public void InsertsAndDeletesAreRecordedNewestFirstWithThePushTimeOrNow()
    {
        var board = new ConditionBoard();
        board.Apply(new ConditionChange("0", ConditionChangeKind.Snapshot, ["005930"], null), Now);

        board.Apply(new ConditionChange("0", ConditionChangeKind.Inserted, ["000660"], new TimeOnly(9, 31, 5)), Now);
        board.Apply(new ConditionChange("0", ConditionChangeKind.Deleted, ["005930"], null), Now);

        Assert.Equal([new ConditionEvent("005930", ConditionChangeKind.Deleted, Now), new ConditionEvent("000660", ConditionChangeKind.Inserted, new TimeOnly(9, 31, 5))], board.Events);
        Assert.Equal([new ConditionMember("000660", new TimeOnly(9, 31, 5))], board.Members);
    }

    [Fact]
    public void ASnapshotAfterAReconnectRecordsWhatLeftAndEnteredMeanwhile()
    {
        var board = new ConditionBoard();
        board.Apply(new ConditionChange("0", ConditionChangeKind.Snapshot, ["005930", "000660"], null), Now);

        var delta = board.Apply(new ConditionChange("0", ConditionChangeKind.Snapshot, ["000660", "035420"], null), Now);

        Assert.Equal(["035420"], delta.Added);
        Assert.Equal(["005930"], delta.Removed);
        Assert.Equal(2, board.Events.Count);
        Assert.Equal(Now, board.Members.Single(m => m.Code == "035420").EnteredAt);
    }

    [Fact]
    public void TheEventLogKeepsOnlyTheNewest()
    {
        var board = new ConditionBoard(maxEvents: 3);
        for (var i = 0; i < 5; i++)
        {
            board.Apply(new ConditionChange("0", ConditionChangeKind.Inserted, [$"00000{i}"], null), Now);
        }

        Assert.Equal(["000004", "000003", "000002"], board.Events.Select(e => e.Code));
        Assert.Equal(5, board.Count);
    }
}
