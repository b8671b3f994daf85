using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>Reads a credential's account number with ka00001; implemented over the REST client.</summary>
public interface IAccountNumberSource
{
    ValueTask<KiwoomResult<string>> GetAccountNumberAsync(KiwoomCredential credential, CancellationToken ct = default);
}
