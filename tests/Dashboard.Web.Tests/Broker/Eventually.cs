namespace Dashboard.Web.Tests.Broker;

/// <summary>Polling with a deadline, for conditions that become true on other threads.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string? because = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(because ?? $"The condition did not hold within {timeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(20);
        }
    }
}
