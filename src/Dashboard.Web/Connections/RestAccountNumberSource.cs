using Dashboard.Kiwoom;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Rest;

namespace Dashboard.Web.Connections;

/// <summary>Reads the account number of a credential's token with ka00001 through the REST client.</summary>
internal sealed class RestAccountNumberSource(KiwoomRestClient client) : IAccountNumberSource
{
    public async ValueTask<KiwoomResult<string>> GetAccountNumberAsync(KiwoomCredential credential, CancellationToken ct = default)
    {
        var answer = await client.SendAsync(credential, new Ka00001Request(), ct);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        return string.IsNullOrWhiteSpace(answer.Value.AcctNo)
            ? new KiwoomError(KiwoomErrorKind.Decode, answer.Value.ReturnCode, null, "ka00001 answered without an account number.")
            : KiwoomResult<string>.Success(answer.Value.AcctNo);
    }
}
