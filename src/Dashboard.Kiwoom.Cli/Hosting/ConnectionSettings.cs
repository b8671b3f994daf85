using Dashboard.Kiwoom.Cli.CommandLine;

namespace Dashboard.Kiwoom.Cli.Hosting;

/// <summary>
/// Where and as whom to connect, from <c>--env</c>, <c>--base-url</c>, <c>--appkey</c>/<c>--secretkey</c>
/// or <c>KIWOOM_APPKEY</c>/<c>KIWOOM_SECRETKEY</c>; against the simulator, without keys, its demo pair.
/// </summary>
/// <param name="UsesDemoKey">True when no keys were given and the simulator's demo pair is used.</param>
internal sealed record ConnectionSettings(KiwoomCredential Credential, Uri WebSocketUri, bool UsesDemoKey = false)
{
    public const string AppKeyVariable = "KIWOOM_APPKEY";
    public const string SecretKeyVariable = "KIWOOM_SECRETKEY";

    /// <summary>The standalone simulator's documented address (dotnet run --project src/Dashboard.Kiwoom.Simulator -- --urls http://127.0.0.1:5090).</summary>
    public static readonly Uri SimulatorBase = new("http://127.0.0.1:5090");

    /// <summary>
    /// The key pair a newcomer's first <c>kiwoom call ... --env simulator</c> uses: the simulator in its
    /// default open mode accepts any non-empty pair and opens an account for it (SimulatorOptions.StrictCredentials),
    /// so a fixed pair gives every keyless run the same demo account. Not a secret; never sent anywhere but the simulator.
    /// </summary>
    public const string DemoAppKey = "SIMDEMO-kiwoom-cli";

    public const string DemoSecretKey = "SIMDEMO-kiwoom-cli-secret";

    public static ConnectionSettings Resolve(CommandArguments args, CliContext context, string usage)
    {
        var environment = ParseEnvironment(args.Value("--env"), usage);
        var explicitBase = args.Value("--base-url") is { } text ? ParseBaseUrl(text, usage) : null;
        var appKey = args.Value("--appkey") ?? context.GetEnvironmentVariable(AppKeyVariable);
        var secretKey = args.Value("--secretkey") ?? context.GetEnvironmentVariable(SecretKeyVariable);
        var demo = environment == KiwoomEnvironment.Simulator && string.IsNullOrWhiteSpace(appKey) && string.IsNullOrWhiteSpace(secretKey);
        if (demo)
        {
            (appKey, secretKey) = (DemoAppKey, DemoSecretKey);
            context.Stderr.WriteLine("note: no keys given; using the simulator's demo key (the simulator accepts any key unless it runs with strict credentials).");
        }

        if (string.IsNullOrWhiteSpace(appKey))
        {
            throw new UsageException($"No app key: pass --appkey or set {AppKeyVariable} (only the simulator works without keys).", usage);
        }

        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new UsageException($"No secret key: pass --secretkey or set {SecretKeyVariable}.", usage);
        }

        var baseUrl = explicitBase ?? (environment == KiwoomEnvironment.Simulator ? SimulatorBase : null);
        var credential = new KiwoomCredential(appKey.Trim(), secretKey.Trim(), environment, baseUrl);

        // An explicit base URL means a host of the caller's choosing (a proxy, a simulator elsewhere):
        // its socket lives beside it, whatever --env says about rate limits.
        var webSocket = explicitBase is null
            ? credential.WebSocketUri
            : KiwoomEndpoints.WebSocket(KiwoomEnvironment.Simulator, explicitBase);
        return new ConnectionSettings(credential, webSocket, demo);
    }

    private static KiwoomEnvironment ParseEnvironment(string? text, string usage) => text?.ToLowerInvariant() switch
    {
        null or "simulator" or "sim" => KiwoomEnvironment.Simulator,
        "mock" => KiwoomEnvironment.Mock,
        "production" or "prod" => KiwoomEnvironment.Production,
        _ => throw new UsageException($"--env must be simulator, mock or production, not '{text}'.", usage),
    };

    private static Uri ParseBaseUrl(string text, string usage)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--base-url must be an absolute http:// or https:// address, not '{text}'.", usage);
        }

        return uri;
    }
}
