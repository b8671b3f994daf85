using System.Globalization;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Market;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>Checks a request body against the catalog: required fields (1511), format and length (1517), stock codes (1902).</summary>
internal static class RequestValidator
{
    public const int MaxBatchCodes = 100;

    public static SimError? Validate(CatalogTr tr, RequestInput input, MarketUniverse universe)
    {
        foreach (var f in tr.Request)
        {
            if (f.Required && !input.Has(f.Name))
            {
                return SimError.MissingRequired(f.Name);
            }
        }

        foreach (var f in tr.Request)
        {
            if (input[f.Name] is not { Length: > 0 } value)
            {
                continue;
            }

            if (IsDate(f))
            {
                if (!DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return SimError.BadFormat(f.Name, "날짜 형식(YYYYMMDD)이 아닙니다");
                }

                continue;
            }

            if (f.Name == "stk_cd" && value.Contains('|', StringComparison.Ordinal))
            {
                var codes = value.Split('|', StringSplitOptions.RemoveEmptyEntries);
                if (codes.Length > MaxBatchCodes)
                {
                    return SimError.BatchTooLarge();
                }

                if (codes.FirstOrDefault(c => universe.Find(c) is null) is { } unknown)
                {
                    return SimError.UnknownStock(unknown);
                }

                continue;
            }

            if (f.Length is { } max && max > 0 && value.Length > max)
            {
                return SimError.BadFormat(f.Name, $"입력 길이({value.Length})가 최대 길이({max})를 초과했습니다");
            }

            if (f.Name == "stk_cd" && universe.Find(value) is null)
            {
                return SimError.UnknownStock(value);
            }
        }

        return null;
    }

    // Dates are checked by format rather than the catalog's length column, which has OCR slips (ka20007 base_dt: 3).
    private static bool IsDate(CatalogField f) =>
        (f.Name.EndsWith("_dt", StringComparison.Ordinal) || f.Name == "dt") && f.Desc.Contains("YYYYMMDD", StringComparison.OrdinalIgnoreCase);
}
