using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>
/// Issues a token (and reads the account number) with a credential against its Kiwoom host. The real
/// implementation sits on the REST client; without one the test reports itself unavailable.
/// </summary>
public interface IConnectionTester
{
    Task<ConnectionTestOutcome> TestAsync(KiwoomCredential credential, CancellationToken ct = default);
}
