using System.Reflection;
using System.Text.Json;
using Dashboard.Kiwoom.Generator;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Tests.Realtime;

/// <summary>The generated FID names against realtime.json, read here on its own (not through the library's catalog).</summary>
public sealed class RealtimeFidTests
{
    private static readonly IReadOnlyList<FieldInfo> Constants = typeof(RealtimeFid)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(int))
        .ToList();

    [Fact]
    public void EveryFidOfRealtimeJsonIsNamedExactlyOnce()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Dashboard.Kiwoom", "Catalog", "realtime.json")));
        var documented = document.RootElement.GetProperty("types").EnumerateArray()
            .SelectMany(t => t.GetProperty("fields").EnumerateArray())
            .Select(f => int.Parse(f.GetProperty("fid").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        var named = Constants.Select(f => (int)f.GetRawConstantValue()!).ToList();

        Assert.Equal(documented.Order(), named.Order());
        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.Equal(Constants.Count, Constants.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(Constants.Count > 300, $"only {Constants.Count} FIDs named");
    }

    [Theory]
    [InlineData(10, nameof(RealtimeFid.CurrentPrice))]
    [InlineData(27, nameof(RealtimeFid.BestAsk))]
    [InlineData(41, nameof(RealtimeFid.AskPrice1))]
    [InlineData(9001, nameof(RealtimeFid.StockCode))]
    [InlineData(9201, nameof(RealtimeFid.AccountNumber))]
    [InlineData(1224, nameof(RealtimeFid.VIReleaseTime))]
    [InlineData(23, nameof(RealtimeFid.ExpectedExecutionPrice))]
    [InlineData(291, nameof(RealtimeFid.ExpectedExecutionPriceAuctionOnly))]
    [InlineData(2134, nameof(RealtimeFid.ExchangeInOrderExecutionNotice))]
    [InlineData(9081, nameof(RealtimeFid.ExchangeInTradeTick))]
    [InlineData(337, nameof(RealtimeFid.ExchangeInIntradayTop5Brokers))]
    [InlineData(916, nameof(RealtimeFid.LoanDateInBalance))]
    [InlineData(923, nameof(RealtimeFid.LoanDateInOrderExecutionNotice))]
    [InlineData(917, nameof(RealtimeFid.CreditTypeInBalance))]
    [InlineData(922, nameof(RealtimeFid.CreditTypeInOrderExecutionNotice))]
    public void NamesSayWhatTheFieldIs(int fid, string name) =>
        Assert.Equal(fid, (int)Constants.Single(f => f.Name == name).GetRawConstantValue()!);

    [Fact]
    public void ANameTwoFidsWouldShareSaysTheTypeOnlyEachBelongsTo()
    {
        const string json = """
            { "types": [
              { "type": "00", "name_en": "order execution notice", "fields": [ { "fid": "2134", "ko": "거래소구분", "en": "Exchange" }, { "fid": "10", "ko": "현재가", "en": "Current price" } ] },
              { "type": "0B", "name_en": "trade tick", "fields": [ { "fid": "9081", "ko": "거래소구분", "en": "Exchange" }, { "fid": "10", "ko": "현재가", "en": "Current price (P±)" } ] },
              { "type": "0D", "name_en": "order book", "fields": [ { "fid": "10", "ko": "현재가", "en": "Current price" }, { "fid": "9081", "ko": "거래소구분", "en": "Exchange" } ] }
            ] }
            """;

        var code = RealtimeFidEmitter.Emit(json);

        Assert.Contains("public const int ExchangeInOrderExecutionNotice = 2134;", code, StringComparison.Ordinal);
        Assert.Contains("public const int ExchangeInTradeTick = 9081;", code, StringComparison.Ordinal);
        Assert.Contains("public const int CurrentPrice = 10;", code, StringComparison.Ordinal);
        Assert.Contains("in 00, 0B, 0D", code, StringComparison.Ordinal);
    }

    [Fact]
    public void FidsOfOneTypeThatNothingTellsApartCarryTheirFid()
    {
        const string json = """
            { "types": [ { "type": "04", "name_en": "balance", "fields": [ { "fid": "951", "en": "Extra item" }, { "fid": "924", "en": "Extra item" } ] } ] }
            """;

        var code = RealtimeFidEmitter.Emit(json);

        Assert.Contains("public const int ExtraItemFid924 = 924;", code, StringComparison.Ordinal);
        Assert.Contains("public const int ExtraItemFid951 = 951;", code, StringComparison.Ordinal);
    }

    [Fact]
    public void NoGeneratedNameEndsInABareFid()
    {
        // The old rule appended the FID ("ExpectedExecutionPrice23"); now a FID in a name only ever follows "Fid".
        var bare = Constants
            .Where(f => f.Name.EndsWith(((int)f.GetRawConstantValue()!).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                && !f.Name.Contains("Fid", StringComparison.Ordinal))
            .Select(f => f.Name).ToList();

        Assert.Empty(bare);
    }

    [Fact]
    public void ADescribedSuffixForAFidWhoseNameDoesNotClashIsRefused()
    {
        // SameTypeSuffixes names 23 and 291; here 23 is the only expected price, so the table is stale for this file.
        var error = Assert.Throws<InvalidDataException>(() => RealtimeFidEmitter.Emit("""
            { "types": [ { "type": "0D", "name_en": "order book", "fields": [ { "fid": "23", "en": "Expected execution price" } ] } ] }
            """));

        Assert.Contains("FID 23", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFidThatIsNotANumberIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            RealtimeFidEmitter.Emit("""{ "types": [ { "type": "0B", "fields": [ { "fid": "1O", "en": "Typo" } ] } ] }"""));

        Assert.Contains("'1O'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Today's realized P&L (cash)", "TodaysRealizedPLCash")]
    [InlineData("52-week high", "N52WeekHigh")]
    [InlineData("Stock/sector code", "StockSectorCode")]
    public void EnglishNamesBecomeIdentifiers(string english, string identifier) =>
        Assert.Equal(identifier, RealtimeFidEmitter.Identifier(english));
}
