using Dashboard.Kiwoom.Generator;

namespace Dashboard.Kiwoom.Tests.Generation;

public sealed class SemanticInferenceTests
{
    [Theory]
    [InlineData("Current price. Unit: KRW; signed number (leading + or - shows the direction vs the previous close)", "SignedPrice")]
    [InlineData("Change vs previous day. Unit: KRW; signed number (leading + or - shows the direction vs the previous close)", "SignedNumber")]
    [InlineData("Change rate. Unit: %; signed, 2 decimal places", "Rate")]
    [InlineData("Change sign vs previous day. Sign code: 1:upper limit, 2:rise, 3:unchanged, 4:lower limit, 5:fall", "ChangeSign")]
    [InlineData("Trading volume. Unit: shares", "Quantity")]
    [InlineData("Arbitrage sell quantity. Unit: 1,000 shares. Example: \"0\"", "Quantity")]
    [InlineData("Trading value. Unit: million KRW", "Amount")]
    [InlineData("Deposit (cash balance). Unit: KRW; signed number, left zero-padded to 12 digits. Example: \"000000017534\"", "Amount")]
    [InlineData("Date. YYYYMMDD", "Date")]
    [InlineData("Execution time, YYYYMMDDHHmmss", "DateTime")]
    [InlineData("Time. HHmmss", "Time")]
    [InlineData("Confirmation time. HH:mm:ss. Example: \"\"", "Time")]
    [InlineData("Stock code. 1-char prefix + 6-digit stock code; prefix A: stock, J: ELW, Q: ETN. Example: \"A005930\"", "StockCode")]
    [InlineData("Change vs previous day. Change vs previous close (current price - previous close)", "SignedNumber")]
    [InlineData("Stock name", "String")]
    [InlineData("Open price. Unit: index points; signed number. Example: \"-2669.53\"", "String")]
    [InlineData("IV (implied volatility). Implied volatility, given x100 without decimal point (e.g. \"2658\" = 26.58)", "String")]
    public void DescriptionDecidesTheSemanticType(string description, string expected)
    {
        Assert.Equal(Enum.Parse<SemanticType>(expected), SemanticInference.Infer(description));
    }
}
