using System.Globalization;
using System.Text.Json.Nodes;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// The one set of rules request values are checked by before anything is sent, for the CLI's
/// <c>field=value</c> pairs and the explorer's form alike: unknown, repeated and missing required fields
/// stop the request; a value longer than documented, a value outside a closed code list and a date that
/// is not YYYYMMDD are warnings, because the catalog comes from an OCR'd guide and the server decides.
/// </summary>
public static class TrFormValidator
{
    public static TrFormValidation Validate(TrForm form, IEnumerable<KeyValuePair<string, string>> values)
    {
        var body = new JsonObject();
        var problems = new List<TrFormProblem>();
        foreach (var (name, value) in values)
        {
            if (form.Field(name) is not { } field)
            {
                problems.Add(new(TrFormProblemKind.UnknownField, name, $"{form.ApiId} has no request field '{name}'."));
                continue;
            }

            if (body.ContainsKey(field.Name))
            {
                problems.Add(new(TrFormProblemKind.Duplicate, field.Name, $"Field '{field.Name}' was given more than once."));
                continue;
            }

            problems.AddRange(Warnings(field, value));

            // Every Kiwoom request value is a string on the wire, numbers included (PROTOCOL.md 3.6).
            body[field.Name] = value;
        }

        foreach (var field in form.Fields.Where(f => f.Required && !body.ContainsKey(f.Name)))
        {
            problems.Add(new(TrFormProblemKind.MissingRequired, field.Name, $"{form.ApiId} needs {field.Name} ({field.NameKo})."));
        }

        return new TrFormValidation(body, problems);
    }

    private static IEnumerable<TrFormProblem> Warnings(TrFormField field, string value)
    {
        if (value.Length == 0)
        {
            yield break;
        }

        if (field.IsDate)
        {
            // Dates are judged by format: the length column has OCR slips (ka20007 base_dt: 3).
            if (!DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return new(TrFormProblemKind.NotADate, field.Name, $"{field.Name} is '{value}', not a YYYYMMDD date.");
            }
        }
        else if (field.Length is { } length && length > 0 && value.Length > length)
        {
            yield return new(TrFormProblemKind.TooLong, field.Name, $"{field.Name} is {value.Length} characters long; the catalog documents at most {length}.");
        }

        if (field.CodesAreClosed && !field.Codes.Any(c => c.Value == value))
        {
            yield return new(TrFormProblemKind.NotACode, field.Name,
                $"{field.Name} is '{value}', not one of the documented codes ({string.Join(", ", field.Codes.Select(c => c.Value))}).");
        }
    }
}
