using Dashboard.Web.Data;
using Dashboard.Web.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The component test contexts' databases take contexts on several threads at once, as a rendered component's
/// load and the test's own reads do: a context made while another is in the middle of a query still works.
/// </summary>
public sealed class TestDatabaseTests
{
    [Fact]
    public async Task TheDashboardContextsDatabaseTakesANewContextWhileAnotherIsReading()
    {
        await using var bunit = new DashboardTestContext("en");
        await ANewContextWorksWhileAnotherIsReadingAsync(bunit.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>());
    }

    [Fact]
    public async Task TheOrdersContextsDatabaseTakesANewContextWhileAnotherIsReading()
    {
        await using var orders = new OrdersTestContext();
        await ANewContextWorksWhileAnotherIsReadingAsync(orders.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>());
    }

    private static async Task ANewContextWorksWhileAnotherIsReadingAsync(IDbContextFactory<ApplicationDbContext> factory)
    {
        await using var reading = await factory.CreateDbContextAsync();
        await using var rows = reading.Users.AsNoTracking().AsAsyncEnumerable().GetAsyncEnumerator();
        Assert.True(await rows.MoveNextAsync()); // The reader stays open on its first row.

        await using var other = await factory.CreateDbContextAsync();
        Assert.True(await other.Users.AnyAsync());
    }
}
