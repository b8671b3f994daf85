using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Tests.Catalog;

/// <summary>
/// The one reading of the catalog's field descriptions (shared by the generator and the simulator): each case is
/// a description the catalog really carries and the facts it states.
/// </summary>
public sealed class FieldDescriptionTests
{
    [Fact]
    public void ADescriptionIsReadOncePerText()
    {
        const string description = "Current price. Unit: KRW; signed number (leading + or - shows the direction vs the previous close)";

        // An equal text built separately (as every catalog field's own string is) gets the same reading back.
        Assert.Same(FieldDescription.Read(description), FieldDescription.Read(new string(description.AsSpan())));
        Assert.NotSame(FieldDescription.Read(description), FieldDescription.Read(description + " "));
    }

    [Fact]
    public void ADirectionSignedPriceSaysWonAndLeadingSign()
    {
        var facts = FieldDescription.Read("Current price. Unit: KRW; signed number (leading + or - shows the direction vs the previous close)");

        Assert.Equal("Current price", facts.Headline);
        Assert.True(facts.LeadingSign);
        Assert.True(facts.UnitIsWon);
        Assert.True(facts.UnitIsPlainWon);
        Assert.True(facts.HeadlineNamesPrice);
        Assert.False(facts.HeadlineNamesChange);
        Assert.Equal(1, facts.UnitDivisor);
        Assert.Equal(0, facts.ZeroPadDigits);
    }

    [Theory]
    [InlineData("Weight. Unit: %; signed percentage with 2 decimal places. Example: \"\"", true, false)]
    [InlineData("Holding weight (%). Unit: %; percentage with 2 decimal places. Example: \"2.12\"", true, false)]
    [InlineData("Tracking error rate. Unit: %; percentage with 2 decimal places; a size, not a direction. Example: \"\"", false, true)]
    [InlineData("Change rate. Unit: %; signed percentage with 2 decimal places. Example: \"-10.46\"", false, false)]
    [InlineData("Underlying asset weight 1. Number with 3 decimal places. Example: \"0.00\"", false, false)]
    public void AWeightAndASizeAreTheirOwnKindsOfPercentage(string description, bool weight, bool size)
    {
        var facts = FieldDescription.Read(description);

        Assert.Equal((weight, size), (facts.IsWeight, facts.IsMagnitude));
    }

    [Fact]
    public void AZeroPaddedAmountGivesItsWidthAndExample()
    {
        var facts = FieldDescription.Read("Deposit (cash balance). Unit: KRW; signed number, left zero-padded to 15 digits. Example: \"000000000017534\"");

        Assert.True(facts.ZeroPadded);
        Assert.Equal(15, facts.ZeroPadDigits);
        Assert.Equal("000000000017534", facts.Example);
        Assert.True(facts.SaysSignedNumber);
        Assert.False(facts.LeadingSign);
    }

    [Theory]
    [InlineData("Capital. Unit: 100 million KRW (억원)", 100_000_000L)]
    [InlineData("Trading value. Unit: million KRW", 1_000_000L)]
    [InlineData("Listed shares. Unit per doc: thousand KRW (likely thousand shares)", 1_000L)]
    [InlineData("Par value. Unit: KRW", 1L)]
    public void TheUnitSetsTheDivisor(string description, long divisor)
    {
        Assert.Equal(divisor, FieldDescription.Read(description).UnitDivisor);
    }

    [Theory]
    [InlineData("Date of 250-day high. YYYYMMDD", FieldClock.Date, false)]
    [InlineData("Execution time, YYYYMMDDHHmmss", FieldClock.DateTime, false)]
    [InlineData("Time. HHmmss", FieldClock.Time, false)]
    [InlineData("Confirmation time. HH:mm:ss. Example: \"\"", FieldClock.Time, true)]
    [InlineData("Stock name", FieldClock.None, false)]
    public void TheFullestDateOrTimeFormWins(string description, FieldClock clock, bool colons)
    {
        var facts = FieldDescription.Read(description);

        Assert.Equal(clock, facts.Clock);
        Assert.Equal(colons, facts.TimeHasColons);
    }

    [Theory]
    [InlineData("Stock code. 1-char prefix + 6-digit stock code; prefix A: stock. Example: \"A005930\"", FieldSubject.StockCode)]
    [InlineData("Stock name", FieldSubject.StockName)]
    [InlineData("Rank", FieldSubject.Rank)]
    [InlineData("Sector code", FieldSubject.SectorCode)]
    [InlineData("Order number", FieldSubject.OrderNumber)]
    [InlineData("Change vs previous day. Unit: KRW", FieldSubject.Change)]
    [InlineData("Current price. Unit: KRW", FieldSubject.Other)]
    public void TheHeadlineNamesTheSubject(string description, FieldSubject subject)
    {
        Assert.Equal(subject, FieldDescription.Read(description).Subject);
    }

    [Fact]
    public void SignCodesGradesAndPercentSuffixesAreRecognised()
    {
        Assert.True(FieldDescription.Read("Change sign. Sign code: 1:upper limit, 2:rise, 3:unchanged, 4:lower limit, 5:fall").ListsChangeSignCodes);
        Assert.True(FieldDescription.Read("Stock guarantee deposit rate name. Example: \"45%\"").PercentSuffix);
        Assert.False(FieldDescription.Read("Stock guarantee deposit rate. Example: \"B\"").PercentSuffix);
        Assert.True(FieldDescription.Read("Stock code. Example: \"A005930\"").APrefix);
        Assert.True(FieldDescription.Read("IV (implied volatility). Implied volatility, given x100 without decimal point (e.g. \"2658\" = 26.58)").RateTimes100);
    }

    [Fact]
    public void EveryCatalogDescriptionIsRead()
    {
        // Reading must never throw on what the catalog carries (a regex or width parse on an odd description).
        var count = 0;
        foreach (var tr in KiwoomCatalog.Default.Trs)
        {
            foreach (var field in Flatten(tr.Response))
            {
                var facts = FieldDescription.Read(field.Desc);
                Assert.Equal(field.Desc, facts.Text);
                count++;
            }
        }

        Assert.True(count > 3000, $"only {count} response fields read");
    }

    private static IEnumerable<CatalogField> Flatten(IEnumerable<CatalogField> fields) =>
        fields.SelectMany(f => new[] { f }.Concat(Flatten(f.Fields ?? [])));
}
