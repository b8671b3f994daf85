using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.LoadTest;

/// <summary>
/// A headless browser tab as far as the server can tell: fetches the prerendered page with the member's
/// cookie, opens <c>/_blazor</c> over WebSockets with the blazorpack protocol, starts the circuit with the
/// page's component markers, acknowledges every render batch and answers every JS interop call (with
/// nothing: no DOM here). The server pays the real cost of the circuit; this side only counts.
/// </summary>
internal sealed class CircuitClient : IAsyncDisposable
{
    private readonly Uri baseAddress;
    private readonly string cookie;
    private readonly ConcurrentDictionary<string, int> jsCalls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? connection;
    private long batches;
    private long bytes;
    private long inFlight;
    private long maxInFlight;
    private long nextObjectId;

    public CircuitClient(Uri baseAddress, string cookie)
    {
        this.baseAddress = baseAddress;
        this.cookie = cookie;
    }

    public long Batches => Interlocked.Read(ref batches);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Most render batches received and not yet acknowledged at one moment (the server pauses at 10).</summary>
    public long MaxInFlight => Interlocked.Read(ref maxInFlight);

    /// <summary>The first "JS.Error" the server sent, or why the connection closed.</summary>
    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, int> JsCalls => jsCalls;

    /// <summary>Completes when the first render batch of the interactive page arrived.</summary>
    public Task FirstBatch => firstBatch.Task;

    public async Task StartAsync(string path, CancellationToken ct)
    {
        var pageUri = new Uri(baseAddress, path);
        using (var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = AcceptLoopbackCertificate },
        }))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, pageUri);
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} (is the member signed in?).");
            }

            var page = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(ct));
            if (page.Markers.Count == 0)
            {
                throw new InvalidOperationException($"GET {path} has no interactive server components to start.");
            }

            connection = Connect();
            await connection.StartAsync(ct);
            var secret = await connection.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), pageUri.ToString(), "[]", string.Empty, ct);
            if (string.IsNullOrEmpty(secret))
            {
                throw new InvalidOperationException($"The server refused to start a circuit: {Error ?? "no reason given"}.");
            }

            await connection.InvokeAsync("UpdateRootComponents", page.AddOperationsJson(), page.State, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private HubConnection Connect()
    {
        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.Headers["Cookie"] = cookie;
                o.Headers["Origin"] = origin;
                o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = AcceptLoopbackCertificate;
                o.HttpMessageHandlerFactory = handler =>
                {
                    if (handler is HttpClientHandler http)
                    {
                        http.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    }

                    return handler;
                };
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var hub = builder.Build();
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        hub.On<long, string, string, int, long>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        hub.On<string>("JS.Error", error => Error ??= error);
        hub.On<string>("JS.EndInvokeDotNet", _ => { });
        hub.Closed += ex =>
        {
            Error ??= ex is null ? "closed by the server" : ex.Message;
            firstBatch.TrySetException(new InvalidOperationException(Error));
            return Task.CompletedTask;
        };
        return hub;
    }

    // The bench host's throwaway self-signed certificate on 127.0.0.1 (BenchHost checks the address is loopback).
    private static bool AcceptLoopbackCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) => true;

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref bytes, data.Length);
        var waiting = Interlocked.Increment(ref inFlight);
        if (waiting > Interlocked.Read(ref maxInFlight))
        {
            Interlocked.Exchange(ref maxInFlight, waiting);
        }

        firstBatch.TrySetResult();
        try
        {
            await connection!.SendAsync("OnRenderCompleted", batchId, null);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task OnBeginInvokeJSAsync(long taskId, string identifier, string argsJson, int resultType, long targetInstanceId)
    {
        jsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        if (taskId == 0)
        {
            return;
        }

        // Result type 1 is a JS object reference: hand back a fresh id the way the browser would.
        var result = resultType == 1
            ? "{\"__jsObjectId\":" + Interlocked.Increment(ref nextObjectId).ToString(CultureInfo.InvariantCulture) + "}"
            : "null";
        var answer = "[" + taskId.ToString(CultureInfo.InvariantCulture) + ",true," + result + "]";
        await connection!.SendAsync("EndInvokeJSFromDotNet", taskId, true, answer);
    }
}
