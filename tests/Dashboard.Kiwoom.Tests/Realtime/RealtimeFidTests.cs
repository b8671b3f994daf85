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
    public void NamesSayWhatTheFieldIs(int fid, string name) =>
        Assert.Equal(fid, (int)Constants.Single(f => f.Name == name).GetRawConstantValue()!);

    [Fact]
    public void ANameTwoFidsWouldShareCarriesEachFid()
    {
        const string json = """
            { "types": [
              { "type": "00", "fields": [ { "fid": "2134", "ko": "거래소구분", "en": "Exchange" }, { "fid": "10", "ko": "현재가", "en": "Current price" } ] },
              { "type": "0B", "fields": [ { "fid": "9081", "ko": "거래소구분", "en": "Exchange" }, { "fid": "10", "ko": "현재가", "en": "Current price (P±)" } ] },
              { "type": "0D", "fields": [ { "fid": "10", "ko": "현재가", "en": "Current price" } ] }
            ] }
            """;

        var code = RealtimeFidEmitter.Emit(json);

        Assert.Contains("public const int Exchange2134 = 2134;", code, StringComparison.Ordinal);
        Assert.Contains("public const int Exchange9081 = 9081;", code, StringComparison.Ordinal);
        Assert.Contains("public const int CurrentPrice = 10;", code, StringComparison.Ordinal);
        Assert.Contains("in 00, 0B, 0D", code, StringComparison.Ordinal);
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
