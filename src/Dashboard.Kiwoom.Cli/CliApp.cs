using Dashboard.Kiwoom.Cli.CommandLine;
using Dashboard.Kiwoom.Cli.Commands;
using Dashboard.Kiwoom.Cli.Hosting;
using Dashboard.Kiwoom.Cli.Output;

namespace Dashboard.Kiwoom.Cli;

/// <summary>
/// The <c>kiwoom</c> command line as a function of its arguments, standard streams and
/// environment, so tests run it in-process. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct = default) =>
        RunAsync(args, stdin, stdout, stderr, Environment.GetEnvironmentVariable, ct);

    /// <summary>As above, with the environment variables read through <paramref name="getEnvironmentVariable"/>.</summary>
    internal static async Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> getEnvironmentVariable,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var redactor = new SecretRedactor();
        KnownSecrets(args, getEnvironmentVariable).ToList().ForEach(redactor.Add);
        await using var output = new RedactingTextWriter(stdout, redactor);
        await using var errors = new RedactingTextWriter(stderr, redactor);
        var context = new CliContext(stdin, output, errors, getEnvironmentVariable, redactor);
        try
        {
            return await DispatchAsync(args, context, ct);
        }
        catch (UsageException ex)
        {
            await errors.WriteLineAsync("error: " + ex.Message);
            await errors.WriteLineAsync();
            await errors.WriteAsync(ex.Usage);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await errors.WriteLineAsync("interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    private static Task<int> DispatchAsync(string[] args, CliContext context, CancellationToken ct)
    {
        var rest = args.Skip(1).ToArray();
        return args.FirstOrDefault() switch
        {
            "catalog" => Task.FromResult(CatalogCommand.Run(rest, context)),
            "call" => CallCommand.RunAsync(rest, context, ct),
            "stream" => StreamCommand.RunAsync(rest, context, ct),
            "decode" => DecodeCommand.RunAsync(rest, context, ct),
            "help" or "--help" or "-h" => HelpAsync(context.Stdout),
            null => throw new UsageException("No command given.", Usage.Root),
            var unknown => throw new UsageException($"Unknown command '{unknown}'.", Usage.Root),
        };
    }

    private static async Task<int> HelpAsync(TextWriter stdout)
    {
        await stdout.WriteAsync(Usage.Root);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The keys this run may know, collected before anything is parsed: even a usage error or a
    /// server message must not be able to echo them.
    /// </summary>
    private static IEnumerable<string> KnownSecrets(string[] args, Func<string, string?> getEnvironmentVariable)
    {
        for (var i = 0; i < args.Length; i++)
        {
            foreach (var option in new[] { "--appkey", "--secretkey" })
            {
                if (args[i] == option && i + 1 < args.Length)
                {
                    yield return args[i + 1];
                }
                else if (args[i].StartsWith(option + "=", StringComparison.Ordinal))
                {
                    yield return args[i][(option.Length + 1)..];
                }
            }
        }

        if (getEnvironmentVariable(ConnectionSettings.AppKeyVariable) is { } appKey)
        {
            yield return appKey;
        }

        if (getEnvironmentVariable(ConnectionSettings.SecretKeyVariable) is { } secretKey)
        {
            yield return secretKey;
        }
    }
}
