using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Explorer;
using Dashboard.Kiwoom.Rest;
using Dashboard.Kiwoom.Wire;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Market.Screens;

/// <summary>
/// How the market screens ask a TR: the parameters checked by the same <see cref="TrFormValidator"/> the
/// explorer and the CLI use, sent through the member session's query path (the key's rate budget), the
/// answer decoded into <see cref="TrAnswer"/> tables. One path for every ranking, sector and theme TR.
/// </summary>
public static class TrScreenQuery
{
    /// <summary>The body the form's <paramref name="values"/> make: every field of the form, blank optional ones as "".</summary>
    public static TrFormValidation Check(TrForm form, IReadOnlyDictionary<string, string> values) =>
        TrFormValidator.Validate(form, form.Fields
            .Select(f => KeyValuePair.Create(f.Name, values.GetValueOrDefault(f.Name) ?? string.Empty))
            .Where(p => !(form.Field(p.Key)!.Required && string.IsNullOrWhiteSpace(p.Value))));

    /// <summary>The documented defaults of a form (its request example), for a first load without input.</summary>
    public static Dictionary<string, string> Defaults(TrForm form) =>
        form.Fields.ToDictionary(f => f.Name, f => f.Default ?? string.Empty, StringComparer.Ordinal);

    public static async Task<KiwoomResult<ScreenPage>> FetchAsync(IBrokerQueries queries, TrForm form, IReadOnlyDictionary<string, string> values, KiwoomContinuation? continuation = null, CancellationToken ct = default)
    {
        var request = Check(form, values);
        if (!request.IsValid)
        {
            return new KiwoomError(KiwoomErrorKind.InvalidRequest, -1, null, string.Join(" ", request.Errors.Select(e => e.Message)));
        }

        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request.Body, KiwoomJson.Options);
        var sent = await queries.QueryRawAsync(form.ApiId, body, continuation, ct);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        if (sent.Value.Error is { } refused)
        {
            return refused;
        }

        var decoded = TrAnswer.Decode(KiwoomCatalog.Default.ById[form.ApiId], [sent.Value.Body]);
        if (!decoded.IsSuccess)
        {
            return decoded.Error;
        }

        var answer = decoded.Value;
        var table = answer.Lists.FirstOrDefault() is { } list ? ScreenTable.Of(list) with { ApiId = form.ApiId } : null;
        return KiwoomResult<ScreenPage>.Success(new ScreenPage(answer, table, sent.Value.Next));
    }
}
