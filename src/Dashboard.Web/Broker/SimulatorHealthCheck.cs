using System.Text.Json;
using Dashboard.Web.Connections;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Broker;

/// <summary>
/// The built-in simulator answers like Kiwoom: an empty token request must come back as a Kiwoom
/// error document (with return_code). Registered as Degraded on failure, since members on real hosts
/// are unaffected.
/// </summary>
internal sealed class SimulatorHealthCheck(IOptions<SimulatorHostingOptions> options, SimulatorAddress address, IHttpClientFactory httpClients) : IHealthCheck
{
    public const string ClientName = "Dashboard.SimulatorProbe";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("The simulator is disabled.");
        }

        if (address.Resolve() is not { } baseUrl)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The simulator address is unknown.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var http = httpClients.CreateClient(ClientName);
            using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(baseUrl, "oauth2/token"), body, timeout.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: timeout.Token);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("return_code", out _)
                ? HealthCheckResult.Healthy("The simulator answers.")
                : new HealthCheckResult(context.Registration.FailureStatus, "The simulator's answer is not a Kiwoom document.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The simulator does not answer: " + ex.GetType().Name);
        }
    }
}
