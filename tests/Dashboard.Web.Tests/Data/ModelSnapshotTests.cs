using Dashboard.Web.Data;
using Dashboard.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Data;

public sealed class ModelSnapshotTests
{
    /// <summary>
    /// EF caches models for the whole process, and Identity shapes its part of the model from the IdentityOptions of
    /// the services a context was created with. A context created without the application's services (as the
    /// component tests do) used to leave a model without the passkey table in that cache; an application started
    /// later in the same process then found the model "different from the snapshot" and refused to migrate
    /// (70 tests failed that way in one run, depending on the order the test classes ran in).
    /// </summary>
    [Fact]
    public async Task AContextWithoutTheApplicationsServicesDoesNotChangeTheApplicationsModel()
    {
        // As the component tests set it up: a context factory in a container without Identity.
        using (var connection = new SqliteConnection("Data Source=:memory:"))
        {
            connection.Open();
            await using var services = new ServiceCollection()
                .AddDbContextFactory<ApplicationDbContext>(o => o.UseSqlite(connection))
                .BuildServiceProvider();
            await using var bare = await services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
            Assert.NotNull(bare.Model.FindEntityType(typeof(ApplicationUser)));
        }

        await using var factory = new DashboardFactory();

        // Starting the host applies the migrations; it throws when the model differs from the committed snapshot.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        Assert.NotNull(db.Model.FindEntityType(typeof(Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>)));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
