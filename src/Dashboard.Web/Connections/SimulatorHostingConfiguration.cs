namespace Dashboard.Web.Connections;

/// <summary>
/// Reads <see cref="SimulatorHostingOptions"/>. Until this section existed its four keys sat under "Simulator" beside the
/// simulated market's settings (two types bound one section); those old names still work so existing appsettings,
/// environment variables (<c>Simulator__BaseUrl</c>) and compose files keep running, with a warning at start. Only a
/// non-empty value counts as set (an empty BaseUrl already meant "this server's own address"). Between sources the later
/// one wins whichever name it uses (an old-named environment variable still overrides appsettings.json); an old and a
/// new name set to different values in one source stop the start with a message naming both, since nobody can tell
/// which one was meant.
/// </summary>
public static class SimulatorHostingConfiguration
{
    /// <summary>The section the keys moved out of.</summary>
    public const string OldSection = "Simulator";

    /// <summary>The keys that moved, by their name in either section.</summary>
    public static readonly IReadOnlyList<string> MovedKeys =
    [
        nameof(SimulatorHostingOptions.Enabled),
        nameof(SimulatorHostingOptions.Prefix),
        nameof(SimulatorHostingOptions.BaseUrl),
        nameof(SimulatorHostingOptions.AllowRemote),
    ];

    /// <summary>The options from "SimulatorHosting", with any old "Simulator:" key standing in for an unset new one.</summary>
    /// <exception cref="InvalidOperationException">An old and a new key disagree, or a value is not of the key's type.</exception>
    public static SimulatorHostingOptions Read(IConfiguration configuration)
    {
        var options = new SimulatorHostingOptions();
        Bind(configuration, options);
        return options;
    }

    /// <inheritdoc cref="Read"/>
    public static void Bind(IConfiguration configuration, SimulatorHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in MovedKeys)
        {
            if (Effective(configuration, key) is { } value)
            {
                merged[key] = value;
            }
        }

        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(merged).Build().Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"The {SimulatorHostingOptions.Section} settings cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The old "Simulator:" names present in the configuration, for the warning at start.</summary>
    public static IReadOnlyList<string> OldKeysIn(IConfiguration configuration) =>
        MovedKeys.Where(key => configuration[$"{OldSection}:{key}"] is not null).Select(key => $"{OldSection}:{key}").ToList();

    /// <summary>
    /// The key's value from the last configuration source that sets it by either name, as layered configuration
    /// does for one name: an environment variable with the old name overrides appsettings.json with the new one.
    /// </summary>
    private static string? Effective(IConfiguration configuration, string key)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.Reverse())
            {
                var found = provider is ChainedConfigurationProvider { Configuration: { } chained }
                    ? Effective(chained, key)
                    : FromOneSource(key, Value(provider, NewName(key)), Value(provider, OldName(key)));
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        return FromOneSource(key, configuration[NewName(key)], configuration[OldName(key)]);
    }

    private static string? FromOneSource(string key, string? current, string? old)
    {
        if (IsSet(current) && IsSet(old) && !string.Equals(current, old, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{OldName(key)} is the old name of {NewName(key)}, and both are set to different values " +
                $"('{old}' and '{current}'). Remove {OldName(key)} (environment variable {OldSection}__{key}).");
        }

        return IsSet(current) ? current : IsSet(old) ? old : null;
    }

    private static string? Value(IConfigurationProvider provider, string key) => provider.TryGet(key, out var value) ? value : null;

    private static string NewName(string key) => $"{SimulatorHostingOptions.Section}:{key}";

    private static string OldName(string key) => $"{OldSection}:{key}";

    private static bool IsSet(string? value) => !string.IsNullOrEmpty(value);
}
