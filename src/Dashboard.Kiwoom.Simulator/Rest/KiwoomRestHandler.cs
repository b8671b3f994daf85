using System.Buffers;
using System.Text.Json;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Simulator.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>
/// Answers /oauth2/token, /oauth2/revoke and every /api/dostk/* TR the way Kiwoom does: header checks,
/// token checks (8005), per-key rate limit (1700/429), catalog validation, then the TR's answer with
/// api-id/cont-yn/next-key response headers.
/// </summary>
internal sealed class KiwoomRestHandler
{
    private const string JsonContentType = "application/json;charset=UTF-8";
    private readonly TokenStore _tokens;
    private readonly RateLimiter _limiter;
    private readonly TokenIssueLimiter _tokenLimiter;
    private readonly AccountBook _accounts;
    private readonly ResponseComposer _composer;
    private readonly Market.MarketEngine _engine;
    private readonly SimulatorFaults _faults;
    private readonly SimulatorMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<KiwoomRestHandler> _logger;
    private readonly Dictionary<string, ITrResponder> _responders = new(StringComparer.OrdinalIgnoreCase);

    public KiwoomRestHandler(
        TokenStore tokens,
        RateLimiter limiter,
        TokenIssueLimiter tokenLimiter,
        AccountBook accounts,
        ResponseComposer composer,
        Market.MarketEngine engine,
        SimulatorFaults faults,
        SimulatorMetrics metrics,
        TimeProvider clock,
        IEnumerable<ITrResponder> responders,
        ILogger<KiwoomRestHandler> logger)
    {
        _tokens = tokens;
        _limiter = limiter;
        _tokenLimiter = tokenLimiter;
        _accounts = accounts;
        _composer = composer;
        _engine = engine;
        _faults = faults;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        foreach (var r in responders)
        {
            foreach (var id in r.ApiIds)
            {
                _responders[id] = r;
            }
        }
    }

    public async Task IssueTokenAsync(HttpContext http)
    {
        await ApplyLatencyAsync(http.RequestAborted);
        var input = await ReadBodyAsync(http);
        if (input is null)
        {
            await WriteErrorAsync(http, "au10001", SimError.BadFormat("body", "JSON 형식이 아닙니다"));
            return;
        }

        if (!input.Has("grant_type"))
        {
            await WriteErrorAsync(http, "au10001", SimError.GrantTypeMissing());
            return;
        }

        if (input.Get("grant_type") != "client_credentials")
        {
            await WriteErrorAsync(http, "au10001", SimError.GrantTypeWrong());
            return;
        }

        var appKey = input.Get("appkey");
        var secret = input.Get("secretkey");
        if (appKey.Length == 0 || secret.Length == 0)
        {
            await WriteErrorAsync(http, "au10001", SimError.KeysMissing());
            return;
        }

        // Only what could mint accounts or guess secrets is counted (TokenIssueLimiter); an unknown key is counted
        // before Verify because in open mode Verify binds the key.
        var caller = http.Connection.RemoteIpAddress;
        var counted = !_tokenLimiter.Exempts(caller);
        var charged = false;
        if (counted && !_tokens.Knows(appKey))
        {
            if (!_tokenLimiter.TryAcquire(caller))
            {
                await WriteErrorAsync(http, "au10001", SimError.TokenRequestsLimited(_tokenLimiter.Limit));
                return;
            }

            charged = true;
        }

        if (_tokens.Verify(appKey, secret, out var environment) is { } keyError)
        {
            var limited = counted && !charged && !_tokenLimiter.TryAcquire(caller);
            await WriteErrorAsync(http, "au10001", limited ? SimError.TokenRequestsLimited(_tokenLimiter.Limit) : keyError);
            return;
        }

        if (!_accounts.TryOpen(appKey, out var account))
        {
            await WriteErrorAsync(http, "au10001", SimError.AccountLimitReached(_accounts.Limit));
            return;
        }

        var token = _tokens.Issue(appKey, environment);
        SimulatorLog.TokenIssued(_logger, Secrets.Fingerprint(appKey), Secrets.MaskAccount(account.Number));
        var expires = KoreaTime.WallClock(token.ExpiresAt).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await WriteJsonAsync(http, "au10001", 200, w =>
        {
            w.WriteString("expires_dt", expires);
            w.WriteString("token_type", "Bearer");
            w.WriteString("token", token.Token);
            w.WriteNumber("return_code", 0);
            w.WriteString("return_msg", ResponseComposer.SuccessMessage);
        });
        _metrics.Request("au10001", 0);
    }

    public async Task RevokeTokenAsync(HttpContext http)
    {
        await ApplyLatencyAsync(http.RequestAborted);
        var input = await ReadBodyAsync(http) ?? RequestInput.Empty;
        if (input.Get("appkey").Length == 0 || input.Get("secretkey").Length == 0)
        {
            await WriteErrorAsync(http, "au10002", SimError.KeysMissing());
            return;
        }

        if (input.Get("token").Length == 0)
        {
            await WriteErrorAsync(http, "au10002", SimError.RevokeTokenMissing());
            return;
        }

        if (!_tokens.Revoke(input.Get("appkey"), input.Get("token")))
        {
            await WriteErrorAsync(http, "au10002", SimError.RevokeFailed("유효하지 않은 토큰입니다"));
            return;
        }

        await WriteJsonAsync(http, "au10002", 200, w =>
        {
            w.WriteNumber("return_code", 0);
            w.WriteString("return_msg", ResponseComposer.SuccessMessage);
        });
        _metrics.Request("au10002", 0);
    }

    public async Task HandleTrAsync(HttpContext http, string family)
    {
        await ApplyLatencyAsync(http.RequestAborted);
        var apiId = http.Request.Headers["api-id"].ToString().Trim();
        var path = "/api/dostk/" + family;
        if (apiId.Length == 0)
        {
            await WriteErrorAsync(http, "", SimError.ApiIdMissing());
            return;
        }

        var tr = KiwoomCatalog.Default.Find(apiId);
        if (tr is null || tr.IsWebSocket || tr.Path.StartsWith("/oauth2", StringComparison.Ordinal))
        {
            await WriteErrorAsync(http, apiId, SimError.UnknownApiId(apiId));
            return;
        }

        if (!string.Equals(tr.Path, path, StringComparison.Ordinal))
        {
            await WriteErrorAsync(http, apiId, SimError.WrongPath(apiId, path));
            return;
        }

        var (token, authError) = Authenticate(http.Request.Headers.Authorization.ToString());
        if (authError is not null)
        {
            await WriteErrorAsync(http, apiId, authError);
            return;
        }

        if (!_limiter.TryAcquire(token!.AppKey, tr.Id))
        {
            await WriteErrorAsync(http, apiId, SimError.RateLimited(_limiter.Limit, tr.Id));
            return;
        }

        var input = await ReadBodyAsync(http);
        if (input is null)
        {
            await WriteErrorAsync(http, apiId, SimError.BadFormat("body", "JSON 형식이 아닙니다"));
            return;
        }

        if (RequestValidator.Validate(tr, input, _engine.Universe) is { } invalid)
        {
            await WriteErrorAsync(http, apiId, invalid);
            return;
        }

        if (_faults.HoldOrders && OrderResponder.OrderApiIds.Contains(tr.Id) && !await HeldOrderGoesOnAsync(http))
        {
            return;
        }

        var continuing = string.Equals(http.Request.Headers["cont-yn"].ToString(), "Y", StringComparison.OrdinalIgnoreCase);
        var offset = continuing ? ResponseComposer.OffsetOf(http.Request.Headers["next-key"].ToString()) : 0;
        var call = new TrCall(tr, input, token, offset);
        TrOutcome outcome;
        try
        {
            outcome = _responders.TryGetValue(tr.Id, out var responder)
                ? responder.Respond(call)
                : TrOutcome.Ok(_composer.Compose(tr, input, offset));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in one TR's model must not take the simulator down; it answers like Kiwoom's 1999.
            SimulatorLog.RestFailed(_logger, ex, tr.Id);
            outcome = TrOutcome.Fail(SimError.Unexpected(ex.GetType().Name));
        }

        if (outcome.Error is { } error)
        {
            await WriteErrorAsync(http, apiId, error);
            return;
        }

        if (_faults.LostOrderAnswerStatus is { } lost && OrderResponder.OrderApiIds.Contains(tr.Id))
        {
            // Fault injection: the order was taken, the caller never learns it (REL-06).
            http.Response.StatusCode = lost;
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync("upstream failure", http.RequestAborted);
            return;
        }

        var response = outcome.Response!;
        http.Response.StatusCode = 200;
        http.Response.ContentType = JsonContentType;
        http.Response.Headers["api-id"] = tr.Id;
        http.Response.Headers["cont-yn"] = response.HasMore ? "Y" : "N";
        http.Response.Headers["next-key"] = response.NextKey;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
        _metrics.Request(tr.Id, 0);
        SimulatorLog.RestAnswered(_logger, tr.Id, 0);
    }

    private (IssuedToken? Token, SimError? Error) Authenticate(string header)
    {
        if (header.Length == 0)
        {
            return (null, SimError.AuthorizationMissing());
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            // HTTP trims "Bearer " to "Bearer": the scheme is there and the token is not.
            return (null, header.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? SimError.TokenMissing() : SimError.AuthorizationMalformed());
        }

        if (!header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (null, SimError.GrantTypeUnknown());
        }

        var token = header[(space + 1)..].Trim();
        if (token.Length == 0)
        {
            return (null, SimError.TokenMissing());
        }

        var error = _tokens.Validate(token, out var issued);
        return (issued, error);
    }

    /// <summary>Waits while orders are held; false when the host stopped or the caller left first (the order never took effect).</summary>
    private async Task<bool> HeldOrderGoesOnAsync(HttpContext http)
    {
        var stopping = http.RequestServices.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            while (_faults.HoldOrders)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), _clock, linked.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            http.Abort();
            return false;
        }
    }

    private async Task ApplyLatencyAsync(CancellationToken ct)
    {
        if (_faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_faults.Latency, _clock, ct);
        }
    }

    /// <summary>Kiwoom bodies are a few hundred bytes; anything past this is refused as malformed.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private static async Task<RequestInput?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return RequestInput.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private async Task WriteErrorAsync(HttpContext http, string apiId, SimError error)
    {
        await WriteJsonAsync(http, apiId, error.HttpStatus, w =>
        {
            w.WriteNumber("return_code", error.ReturnCode);
            w.WriteString("return_msg", error.Message);
        });
        _metrics.Request(apiId, error.ReturnCode);
        SimulatorLog.RestAnswered(_logger, apiId, error.ReturnCode);
    }

    private static async Task WriteJsonAsync(HttpContext http, string apiId, int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, ResponseComposer.WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        if (apiId.Length > 0)
        {
            http.Response.Headers["api-id"] = apiId;
        }

        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }
}
