using System.Globalization;
using Dashboard.Web.Orders;

namespace Dashboard.Web.Tests.Orders;

/// <summary>SEC-21: every field is checked on the server, whatever the page would send.</summary>
public sealed class OrderValidatorTests
{
    private static readonly PriceReference Samsung = new(PreviousClose: 70_000, LastPrice: 70_500);

    private static OrderTicket Limit(long? price = 70_000, long quantity = 10, string type = "0", string code = "005930", long? condition = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), code, OrderSide.Buy, quantity, price, type, condition);

    private static string Codes(IReadOnlyList<OrderRejection> errors) => string.Join(",", errors.Select(e => e.Code));

    [Fact]
    public void AValidLimitOrderPasses() => Assert.Empty(OrderValidator.Validate(Limit(), Samsung));

    [Theory]
    [InlineData("005930", true)]
    [InlineData("00680K", true)]
    [InlineData("57JBHH", true)]
    [InlineData("5930", false)]
    [InlineData("0059301", false)]
    [InlineData("005930 ", false)]
    [InlineData("00593a", false)]
    [InlineData("A05930'", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void StockCodeMustBeSixCapitalsOrDigits(string? code, bool valid) =>
        Assert.Equal(valid, !OrderValidator.Validate(Limit(code: code!), Samsung).Any(e => e.Code == "StockCode"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void QuantityMustBePositive(long quantity) =>
        Assert.Equal("Quantity", Codes(OrderValidator.Validate(Limit(quantity: quantity), Samsung)));

    [Fact]
    public void AQuantityWiderThanTheWireFieldIsRefused() =>
        Assert.Equal("QuantityHuge", Codes(OrderValidator.Validate(Limit(quantity: OrderValidator.MaxWireNumber + 1), Samsung)));

    [Fact]
    public void AnUndefinedSideIsRefused() =>
        Assert.Equal("Side", Codes(OrderValidator.Validate(Limit() with { Side = (OrderSide)7 }, Samsung)));

    [Fact]
    public void AnUnknownExchangeIsRefused() =>
        Assert.Equal("Exchange", Codes(OrderValidator.Validate(Limit() with { Exchange = "NYSE" }, Samsung)));

    [Theory]
    [InlineData("1")]
    [InlineData("00")]
    [InlineData("99")]
    [InlineData("")]
    [InlineData("0 ")]
    public void UnknownTradeTypesAreRefused(string type) =>
        Assert.Equal("TradeType", Codes(OrderValidator.Validate(Limit(type: type), Samsung)));

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("10")]
    [InlineData("20")]
    [InlineData("62")]
    public void PricedTypesNeedAPrice(string type) =>
        Assert.Equal("PriceRequired", Codes(OrderValidator.Validate(Limit(price: null, type: type), Samsung)));

    [Theory]
    [InlineData("3")]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("13")]
    [InlineData("16")]
    [InlineData("23")]
    [InlineData("26")]
    [InlineData("29")]
    [InlineData("30")]
    [InlineData("31")]
    [InlineData("61")]
    [InlineData("81")]
    public void UnpricedTypesPassWithoutAPriceAndRefuseOne(string type)
    {
        Assert.Empty(OrderValidator.Validate(Limit(price: null, type: type), Samsung));
        Assert.Equal("PriceNotAllowed", Codes(OrderValidator.Validate(Limit(price: 70_000, type: type), Samsung)));
    }

    [Fact]
    public void StopLimitNeedsAConditionPriceOnTheStep()
    {
        Assert.Equal("ConditionPriceRequired", Codes(OrderValidator.Validate(Limit(type: "28"), Samsung)));
        Assert.Equal("ConditionPriceOffTick", Codes(OrderValidator.Validate(Limit(type: "28", condition: 69_950), Samsung)));
        Assert.Empty(OrderValidator.Validate(Limit(type: "28", condition: 69_900), Samsung));
    }

    [Fact]
    public void AConditionPriceOnAnotherTypeIsRefused() =>
        Assert.Equal("ConditionPriceNotAllowed", Codes(OrderValidator.Validate(Limit(condition: 69_900), Samsung)));

    [Theory]
    [InlineData(70_050, 100, 70_000, 70_100)]
    [InlineData(4_999, 5, 4_995, 5_000)]
    [InlineData(19_995, 10, 19_990, 20_000)]
    public void PricesOffTheStepNameTheNeighbours(long price, long tick, long below, long above)
    {
        var reference = new PriceReference(price, price);
        var error = Assert.Single(OrderValidator.Validate(Limit(price: price), reference));
        Assert.Equal("PriceOffTick", error.Code);
        Assert.Equal([price, tick, below, above], error.Args.Select(long.Parse));
    }

    [Theory]
    [InlineData(91_000, true)]
    [InlineData(92_000, false)]
    [InlineData(49_000, true)]
    [InlineData(48_950, false)]
    public void PricesMustStayInsideTheDailyBand(long price, bool inside) =>
        Assert.Equal(inside ? string.Empty : "PriceOutsideBand", Codes(OrderValidator.Validate(Limit(price: price), Samsung)));

    [Fact]
    public void WithoutAReferenceAPricedOrderCannotBeChecked() =>
        Assert.Equal("ReferenceUnavailable", Codes(OrderValidator.Validate(Limit(type: "28", condition: 69_900), null)));

    [Fact]
    public void AMissingIntentIdIsRefused() =>
        Assert.Contains("Intent", Codes(OrderValidator.Validate(Limit() with { IntentId = Guid.Empty }, Samsung)));

    [Fact]
    public void GoldAcceptsOnlyItsCodesAndItsThreeTypes()
    {
        var gold = new OrderTicket(Guid.NewGuid(), Guid.NewGuid(), "M04020000", OrderSide.Buy, 1, 150_000, "00", Product: OrderProduct.Gold);
        var reference = new PriceReference(150_000, 150_000);
        Assert.Empty(OrderValidator.Validate(gold, reference));
        Assert.Equal("GoldCode", Codes(OrderValidator.Validate(gold with { StockCode = "005930" }, reference)));
        Assert.Equal("TradeType", Codes(OrderValidator.Validate(gold with { TradeType = "3", Price = null }, reference)));
        Assert.Equal("PriceOffTick", Codes(OrderValidator.Validate(gold with { Price = 150_005 }, reference)));
        Assert.Equal("PriceOutsideBand", Codes(OrderValidator.Validate(gold with { Price = 170_000 }, reference)));
    }

    [Fact]
    public void ModifyingAMarketOrderIsRefused() =>
        Assert.Equal("ModifyNeedsLimit", Codes(OrderValidator.ValidateModify(new ModifyTicket(Guid.NewGuid(), Guid.NewGuid(), 0, 70_000), OrderProduct.Stock, "3", Samsung)));

    [Fact]
    public void ModifyChecksTheNewPriceLikeANewOrder()
    {
        var modify = new ModifyTicket(Guid.NewGuid(), Guid.NewGuid(), 0, 70_050);
        Assert.Equal("PriceOffTick", Codes(OrderValidator.ValidateModify(modify, OrderProduct.Stock, "0", Samsung)));
        Assert.Empty(OrderValidator.ValidateModify(modify with { Price = 70_100 }, OrderProduct.Stock, "0", Samsung));
        Assert.Equal("Quantity", Codes(OrderValidator.ValidateModify(modify with { Price = 70_100, Quantity = -3 }, OrderProduct.Stock, "0", Samsung)));
    }

    [Fact]
    public void CancelRefusesANegativeQuantity() =>
        Assert.Equal("Quantity", Codes(OrderValidator.ValidateCancel(new CancelTicket(Guid.NewGuid(), Guid.NewGuid(), -1))));

    [Fact]
    public void EveryRejectionReadsAsASentenceInKoreanAndEnglish()
    {
        var error = Assert.Single(OrderValidator.Validate(Limit(price: 70_050), Samsung));
        Assert.Equal("70,050 won is not on the price step (100 won). Use 70,000 or 70,100 won.", error.Describe(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("70,050원은 호가 단위(100원)에 맞지 않습니다. 70,000원 또는 70,100원을 쓰세요.", error.Describe(CultureInfo.GetCultureInfo("ko")));
    }

    [Fact]
    public void EveryRejectionCodeHasBothTexts()
    {
        var resources = new System.Resources.ResourceManager(typeof(OrdersText));
        var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Where(k => k.StartsWith("Reject_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(neutral);
        foreach (var key in neutral)
        {
            var ko = resources.GetString(key, CultureInfo.GetCultureInfo("ko"));
            var en = resources.GetString(key, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.NotEqual(ko, en);
        }
    }
}
