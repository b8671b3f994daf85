using Dashboard.Web.Data;
using Dashboard.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Members;

/// <summary>At start, on a database without accounts, issues the setup code and prints it once.</summary>
internal sealed class SetupCodeAnnouncer(IDbContextFactory<ApplicationDbContext> dbFactory, SetupCode setupCode, ILogger<SetupCodeAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        SecurityLog.SetupCodeIssued(logger, setupCode.Issue());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
