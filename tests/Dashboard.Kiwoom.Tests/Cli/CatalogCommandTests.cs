using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Cli.Output;

namespace Dashboard.Kiwoom.Tests.Cli;

public sealed class CatalogCommandTests
{
    [Fact]
    public async Task ListPrintsOneLinePerTrWithBothNamesAndPath()
    {
        var run = await CliRun.RunAsync(["catalog", "list"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(KiwoomCatalog.Default.Trs.Count + 2, lines.Length);
        var ka10001 = Assert.Single(lines, l => l.StartsWith("ka10001 ", StringComparison.Ordinal));
        Assert.Contains("주식기본정보요청", ka10001);
        Assert.Contains("Stock basic info", ka10001);
        Assert.EndsWith("/api/dostk/stkinfo", ka10001);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task ListAlignsPathsCountingKoreanCharactersAsTwoColumns()
    {
        var run = await CliRun.RunAsync(["catalog", "list"]);

        // Every path starts in the same terminal column, although the names mix Hangul and ASCII.
        var columns = run.Stdout.TrimEnd('\n').Split('\n').Skip(2)
            .Select(line => DisplayWidth.Of(line[..line.LastIndexOf("  /", StringComparison.Ordinal)]))
            .Distinct()
            .ToList();
        Assert.Single(columns);
    }

    [Fact]
    public async Task ShowPrintsPathPagingAndEveryRequestAndResponseField()
    {
        var run = await CliRun.RunAsync(["catalog", "show", "ka10081"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("POST /api/dostk/chart", run.Stdout);
        Assert.Contains("continuation paging", run.Stdout);
        var tr = KiwoomCatalog.Default.Find("ka10081")!;
        Assert.All(tr.Request, f => Assert.Contains(f.Name, run.Stdout));
        Assert.Contains("stk_dt_pole_chart_qry[].cur_prc", run.Stdout);
        Assert.Contains("Request example:", run.Stdout);
    }

    [Fact]
    public async Task ShowOfARealtimeTypeListsItsFieldIds()
    {
        var run = await CliRun.RunAsync(["catalog", "show", "0B"]);

        Assert.Equal(0, run.ExitCode);
        var currentPrice = Assert.Single(run.Stdout.Split('\n'), l => l.TrimStart().StartsWith("10 ", StringComparison.Ordinal));
        Assert.Contains("현재가", currentPrice);
        Assert.Contains("Price", currentPrice);
    }

    [Fact]
    public async Task ShowJsonIsTheCatalogEntry()
    {
        var run = await CliRun.RunAsync(["catalog", "show", "kt10000", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal("kt10000", document.RootElement.GetProperty("id").GetString());
        Assert.Equal("/api/dostk/ordr", document.RootElement.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("show", "zz99999")]
    [InlineData("show")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task BadCatalogArgumentsPrintUsageAndExitTwo(params string[] args)
    {
        var run = await CliRun.RunAsync(["catalog", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains("Usage:", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
