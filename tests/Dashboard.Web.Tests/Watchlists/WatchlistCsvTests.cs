using Dashboard.Web.Watchlists;

namespace Dashboard.Web.Tests.Watchlists;

/// <summary>The code,note file: what export writes, import reads back; a bad line is named by its number and costs no valid line.</summary>
public sealed class WatchlistCsvTests
{
    [Fact]
    public void ExportThenImportGivesBackEveryCodeAndNoteUnchanged()
    {
        WatchlistEntry[] entries =
        [
            Entry("005930", "HBM, foundry \"turnaround\"", 0),
            Entry("000660", null, 1),
            Entry("00680K", "줄바꿈\n두 번째 줄", 2),
            Entry("035420", "=1+1 looks like a formula", 3),
            Entry("035720", "  spaced  ", 4),
        ];

        var text = WatchlistCsv.Write(entries);
        var parsed = WatchlistCsv.Parse(text);

        Assert.Empty(parsed.Errors);
        Assert.Equal(entries.Select(e => (e.Code, e.Note?.Trim())), parsed.Rows.Select(r => (r.Code, r.Note)));
        Assert.StartsWith("code,note\r\n", text, StringComparison.Ordinal);
        Assert.Contains("'=1+1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBadLineIsNamedByItsNumberAndEveryValidLineIsKept()
    {
        var text = string.Join("\n",
            "\uFEFFcode,note",
            "005930,memory",
            "5930,too short",
            "000660,\"with, comma\"",
            "",
            "035420,a,b",
            "005930,again",
            "035720," + new string('x', 201),
            "00680k,lower case is fine",
            "051910,\"never closed",
            "068270,after the broken quote");

        var parsed = WatchlistCsv.Parse(text);

        Assert.Equal([(2, "005930", "memory"), (4, "000660", "with, comma"), (9, "00680K", "lower case is fine")], parsed.Rows.Select(r => (r.Line, r.Code, r.Note)));
        Assert.Equal(
            [(3, WatchlistCsvProblem.InvalidCode), (6, WatchlistCsvProblem.TooManyFields), (7, WatchlistCsvProblem.DuplicateLine), (8, WatchlistCsvProblem.NoteTooLong), (10, WatchlistCsvProblem.UnclosedQuote)],
            parsed.Errors.Select(e => (e.Line, e.Problem)));
        Assert.Equal("2", parsed.Errors.Single(e => e.Problem == WatchlistCsvProblem.DuplicateLine).Detail);
    }

    [Fact]
    public void ALineNumberCountsTheLinesOfAQuotedNoteBeforeIt()
    {
        var parsed = WatchlistCsv.Parse("005930,\"one\r\ntwo\"\r\nnope\r\n000660");

        Assert.Equal([(1, "005930"), (4, "000660")], parsed.Rows.Select(r => (r.Line, r.Code)));
        Assert.Equal(3, Assert.Single(parsed.Errors).Line);
    }

    [Fact]
    public async Task ImportAddsEveryNewLineAndNamesTheOnesAlreadyListedOrOverTheLimit()
    {
        await using var services = new WatchlistTestServices();
        var id = (await services.Service.CreateAsync(services.Alice, "Mine", team: false)).Id!.Value;
        await services.Service.AddAsync(services.Alice, id, "005930", "kept as it was");
        var rows = Enumerable.Range(0, WatchlistService.MaxItems + 1)
            .Select(i => new WatchlistCsvRow(i + 2, i == 0 ? "005930" : (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "imported"))
            .ToList();

        var result = await services.Service.ImportAsync(services.Alice, id, rows);

        Assert.Equal(WatchlistOutcome.Ok, result.Outcome);
        Assert.Equal(WatchlistService.MaxItems - 1, result.Added);
        Assert.Equal([(2, WatchlistCsvProblem.AlreadyListed), (WatchlistService.MaxItems + 2, WatchlistCsvProblem.ListFull)], result.Skipped.Select(s => (s.Line, s.Problem)));
        var items = (await services.Service.GetAsync(services.Alice, id))!.Items;
        Assert.Equal(WatchlistService.MaxItems, items.Count);
        Assert.Equal("kept as it was", items[0].Note);
        Assert.All(items.Skip(1), i => Assert.Equal(("imported", "alice@team.test"), (i.Note, i.AddedBy)));
    }

    private static WatchlistEntry Entry(string code, string? note, int position) =>
        new(Guid.NewGuid(), code, note, position, "alice@team.test", DateTimeOffset.UnixEpoch);
}
