namespace Dashboard.Kiwoom;

/// <summary>Base addresses of the Kiwoom hosts (PROTOCOL.md 1).</summary>
public static class KiwoomEndpoints
{
    public static readonly Uri ProductionRest = new("https://api.kiwoom.com");
    public static readonly Uri MockRest = new("https://mockapi.kiwoom.com");
    public static readonly Uri ProductionWebSocket = new("wss://api.kiwoom.com:10000/api/dostk/websocket");
    public static readonly Uri MockWebSocket = new("wss://mockapi.kiwoom.com:10000/api/dostk/websocket");

    /// <summary>The WebSocket path every realtime type and condition search shares.</summary>
    public const string WebSocketPath = "/api/dostk/websocket";

    /// <summary>REST base for an environment; the simulator needs an explicit address.</summary>
    public static Uri RestBase(KiwoomEnvironment environment, Uri? simulatorBase = null) => environment switch
    {
        KiwoomEnvironment.Production => ProductionRest,
        KiwoomEnvironment.Mock => MockRest,
        _ => simulatorBase ?? throw new ArgumentException("The simulator environment needs a base URL.", nameof(simulatorBase)),
    };

    /// <summary>WebSocket address for an environment; for the simulator it is derived from its REST base.</summary>
    public static Uri WebSocket(KiwoomEnvironment environment, Uri? simulatorBase = null)
    {
        switch (environment)
        {
            case KiwoomEnvironment.Production: return ProductionWebSocket;
            case KiwoomEnvironment.Mock: return MockWebSocket;
        }

        var rest = simulatorBase ?? throw new ArgumentException("The simulator environment needs a base URL.", nameof(simulatorBase));
        var builder = new UriBuilder(rest) { Scheme = rest.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        builder.Path = builder.Path.TrimEnd('/') + WebSocketPath;
        return builder.Uri;
    }
}
