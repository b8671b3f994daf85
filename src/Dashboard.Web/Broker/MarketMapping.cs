using System.Globalization;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Realtime;
using Direction = Dashboard.Kiwoom.Wire.PriceDirection;

namespace Dashboard.Web.Broker;

/// <summary>Turns Kiwoom's realtime events and REST answers into the records the market screens show.</summary>
public static class MarketMapping
{
    /// <summary>A 0B trade as a quote; null for another type or a push without a price.</summary>
    public static Quote? ToQuote(RealtimeEvent e)
    {
        if (!TradeTick.TryFrom(e, out var tick) || tick.Price is not { Value: { } won } price)
        {
            return null;
        }

        return new Quote(
            tick.Item, null, won, price.Direction, tick.Change ?? 0, tick.ChangeRate ?? 0m,
            tick.CumulativeVolume ?? 0, tick.Volume, tick.Time, tick.ReceivedAt, FromSnapshot: false)
        {
            EmittedAt = e.EmittedAt,
        };
    }

    /// <summary>A 0J push as an index quote; null for another type or a push without a value.</summary>
    public static IndexQuote? ToIndexQuote(RealtimeEvent e)
    {
        if (SectorIndex.From(e) is not { Value: { } value } index)
        {
            return null;
        }

        return new IndexQuote(index.Item, value.Value, value.Direction, index.Change ?? 0m, index.ChangeRate ?? 0m, index.ReceivedAt, FromSnapshot: false);
    }

    /// <summary>The rows of a ka10095 answer as quotes; rows without a code or a price are skipped.</summary>
    public static IReadOnlyList<Quote> ToQuotes(Ka10095Response response, DateTimeOffset receivedAt)
    {
        var quotes = new List<Quote>(response.AtnStkInfr.Count);
        foreach (var row in response.AtnStkInfr)
        {
            if (row.StockCode.Code is not { } code || row.CurrentPrice.Value is not { } price)
            {
                continue;
            }

            quotes.Add(new Quote(
                code, row.StockName?.Trim(), price, row.CurrentPrice.Direction, row.Change.Value ?? 0, row.ChangeRate.Value ?? 0m,
                row.Volume.Value ?? 0, null, null, receivedAt, FromSnapshot: true));
        }

        return quotes;
    }

    /// <summary>A ka10001 answer; null when it carries no code or no price.</summary>
    public static StockBasics? ToBasics(Ka10001Response response, DateTimeOffset receivedAt)
    {
        if (response.StockCode.Code is not { } code || response.CurrentPrice.Value is not { } price)
        {
            return null;
        }

        return new StockBasics(
            code, response.StockName?.Trim() ?? code, price, response.CurrentPrice.Direction, response.Change.Value ?? 0,
            response.ChangeRate.Value ?? 0m, response.Volume.Value ?? 0, response.OpenPrice.Value, response.HighPrice.Value,
            response.LowPrice.Value, response.BasePrice.Value, response.UpperLimitPrice.Value, response.LowerLimitPrice.Value, receivedAt);
    }

    /// <summary>A ka20001 answer for <paramref name="code"/>; null when its current value does not parse.</summary>
    public static IndexQuote? ToIndexQuote(string code, Ka20001Response response, DateTimeOffset receivedAt)
    {
        if (!TryParseIndex(response.CurrentPrice, out var value, out var signDirection))
        {
            return null;
        }

        var direction = response.ChangeSign.IsUp ? Direction.Up : response.ChangeSign.IsDown ? Direction.Down : response.ChangeSign.HasValue ? Direction.Flat : signDirection;
        var change = TryParseIndex(response.Change, out var points, out var changeDirection) ? (changeDirection == Direction.Down ? -points : points) : 0m;
        return new IndexQuote(code, value, direction, change, response.ChangeRate.Value ?? 0m, receivedAt, FromSnapshot: true);
    }

    /// <summary>The rows of a ka10099 page; rows without a code or a name are skipped.</summary>
    public static IEnumerable<StockListing> ToListings(Ka10099Response response) =>
        response.List
            .Where(r => r.Code.Code is not null && !string.IsNullOrWhiteSpace(r.Name))
            .Select(r => new StockListing(r.Code.Code!, r.Name!.Trim(), r.MarketName?.Trim() ?? string.Empty));

    /// <summary>The ka20001 market type of a sector code: 0xx KOSPI, 1xx KOSDAQ, 2xx KOSPI200.</summary>
    public static string IndexMarket(string code) => code.Length == 3 && code[0] is '1' ? "1" : code.Length == 3 && code[0] is '2' ? "2" : "0";

    /// <summary>"-2394.49" is 2,394.49 points below the base: the sign is the direction, not arithmetic.</summary>
    internal static bool TryParseIndex(string? raw, out decimal value, out Direction direction)
    {
        value = 0m;
        direction = Direction.Flat;
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text[0] is '+' or '-')
        {
            direction = text[0] == '+' ? Direction.Up : Direction.Down;
            text = text[1..];
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
