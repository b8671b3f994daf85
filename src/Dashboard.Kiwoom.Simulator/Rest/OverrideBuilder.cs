using Dashboard.Kiwoom.Catalog;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Turns model values into wire strings per field spec: a long is a number (padding, sign, unit), a decimal a
/// rate, a string goes as is, null leaves the field to the market mapping.
/// </summary>
internal static class OverrideBuilder
{
    public static Dictionary<string, string> Build(IEnumerable<CatalogField> fields, Func<FieldSpec, object?> value, bool zeroUnmappedNumbers)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            if (f.IsList || f.IsObject)
            {
                continue;
            }

            var spec = FieldClassifier.For(f);
            var v = value(spec);
            if (v is null && zeroUnmappedNumbers && spec.Kind is ValueKind.Amount or ValueKind.Quantity or ValueKind.Count or ValueKind.Rate)
            {
                v = spec.Kind == ValueKind.Rate ? (object)0m : 0L;
            }

            switch (v)
            {
                case long n:
                    result[f.Name] = FieldRenderer.FormatNumber(spec, n);
                    break;
                case int n:
                    result[f.Name] = FieldRenderer.FormatNumber(spec, n);
                    break;
                case decimal d:
                    result[f.Name] = FieldRenderer.FormatRate(spec, d);
                    break;
                case string s:
                    result[f.Name] = s;
                    break;
            }
        }

        return result;
    }
}
