namespace Dashboard.Kiwoom.Cli.CommandLine;

/// <summary>
/// The arguments of one command after its name: positionals in order, option values, flags.
/// Options may come anywhere (<c>--env mock</c> or <c>--env=mock</c>); after <c>--</c> everything is positional.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> flags;

    private CommandArguments(List<string> positionals, Dictionary<string, string> values, HashSet<string> flags)
    {
        Positionals = positionals;
        this.values = values;
        this.flags = flags;
    }

    public IReadOnlyList<string> Positionals { get; }

    public bool WantsHelp => flags.Contains("--help") || flags.Contains("-h");

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string option) => values.GetValueOrDefault(option);

    public static CommandArguments Parse(IReadOnlyList<string> args, OptionSet options, string usage)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg[..equals] : arg;
            if (options.Flags.Contains(name))
            {
                if (equals > 0)
                {
                    throw new UsageException($"{name} is a flag and takes no value.", usage);
                }

                flags.Add(name);
            }
            else if (options.ValueOptions.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"{name} needs a value.", usage);
                }

                if (!values.TryAdd(name, value))
                {
                    throw new UsageException($"{name} was given more than once.", usage);
                }
            }
            else
            {
                // The text after '=' is never echoed: it may be a secret passed to a misspelled option.
                throw new UsageException($"Unknown option '{name}'.", usage);
            }
        }

        return new CommandArguments(positionals, values, flags);
    }
}
