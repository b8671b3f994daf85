namespace Dashboard.Kiwoom.Tests.Auth;

/// <summary>Tests that change the process time zone run alone: nothing else may see it switch.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTimeZone
{
    public const string Name = "Process time zone";

    /// <summary>Switches TimeZoneInfo.Local by the TZ variable, as the host's setting would; dispose restores it.</summary>
    public static IDisposable Set(string tz)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", tz);
        TimeZoneInfo.ClearCachedData();
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose()
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
