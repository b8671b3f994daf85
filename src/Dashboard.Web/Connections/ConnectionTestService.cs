using System.Security.Claims;

namespace Dashboard.Web.Connections;

/// <summary>Runs "test connection" for the acting member's own connection and records the result.</summary>
public sealed class ConnectionTestService(ConnectionService connections, IConnectionTester tester)
{
    public async Task<ConnectionTestOutcome> TestAsync(ClaimsPrincipal member, Guid id, CancellationToken ct = default)
    {
        var unlock = await connections.UnlockAsync(member, id, ct);
        if (unlock.NotFound)
        {
            return new ConnectionTestOutcome(ConnectionTestStatus.NotFound);
        }

        if (unlock.Credential is null)
        {
            return new ConnectionTestOutcome(ConnectionTestStatus.NeedsReentry);
        }

        var outcome = await tester.TestAsync(unlock.Credential, ct);
        if (outcome.Status is ConnectionTestStatus.Succeeded or ConnectionTestStatus.BrokerError)
        {
            await connections.RecordTestAsync(ConnectionService.OwnerId(member), id, outcome.Status == ConnectionTestStatus.Succeeded, outcome.AccountNumber, ct);
        }

        return outcome;
    }
}
