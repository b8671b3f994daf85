using Dashboard.Kiwoom;

namespace Dashboard.Web.Connections;

/// <summary>
/// Tests a credential by issuing a token through the registered <see cref="IKiwoomTokenSource"/>
/// (au10001) and, when an <see cref="IAccountNumberSource"/> is registered, reading the account number
/// (ka00001). Reports <see cref="ConnectionTestStatus.Unavailable"/> when no token source exists.
/// </summary>
internal sealed class TokenSourceConnectionTester(IServiceProvider services) : IConnectionTester
{
    public async Task<ConnectionTestOutcome> TestAsync(KiwoomCredential credential, CancellationToken ct = default)
    {
        if (services.GetService(typeof(IKiwoomTokenSource)) is not IKiwoomTokenSource tokens)
        {
            return new ConnectionTestOutcome(ConnectionTestStatus.Unavailable);
        }

        var token = await tokens.GetTokenAsync(credential, forceRefresh: true, ct);
        if (!token.IsSuccess)
        {
            return new ConnectionTestOutcome(ConnectionTestStatus.BrokerError, Error: token.Error);
        }

        if (services.GetService(typeof(IAccountNumberSource)) is not IAccountNumberSource accounts)
        {
            return new ConnectionTestOutcome(ConnectionTestStatus.Succeeded, token.Value.ExpiresAt);
        }

        var account = await accounts.GetAccountNumberAsync(credential, ct);
        return account.IsSuccess
            ? new ConnectionTestOutcome(ConnectionTestStatus.Succeeded, token.Value.ExpiresAt, account.Value)
            : new ConnectionTestOutcome(ConnectionTestStatus.BrokerError, token.Value.ExpiresAt, Error: account.Error);
    }
}
