using System.Net;
using Dashboard.Kiwoom.Simulator.Market;
using Dashboard.Kiwoom.Simulator.Realtime;
using Dashboard.Kiwoom.Simulator.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Dashboard.Kiwoom.Simulator.Control;

/// <summary>
/// Fault injection and time control for tests and demos: a C# facade, and the same operations as a small
/// JSON API under /_sim that is mapped only when enabled and answers loopback callers only.
/// </summary>
public sealed class SimulatorControl(
    MarketEngine engine,
    RealtimeHub hub,
    TokenStore tokens,
    RateLimiter limiter,
    SimulatorFaults faults,
    SimulatorMetrics metrics,
    ILogger<SimulatorControl> logger)
{
    public MarketEngine Market => engine;

    /// <summary>Aborts every WebSocket; clients see the connection drop.</summary>
    public int DropSockets() => Log("drop sockets", hub.DropAll());

    /// <summary>Stops REAL frames while PINGs continue (a silent but alive socket).</summary>
    public void SetSilent(bool silent) => Log($"silent={silent}", faults.Silent = silent);

    /// <summary>Invalidates issued tokens (all, or one app key's): the next call gets 8005.</summary>
    public int ExpireTokens(string? appKey = null) => Log("expire tokens", tokens.ExpireAll(appKey));

    public void SetLatency(TimeSpan latency) => Log($"latency={latency.TotalMilliseconds}ms", faults.Latency = latency);

    /// <summary>Order TRs still take effect but answer with <paramref name="httpStatus"/> (500, 502, 504…); null to answer normally.</summary>
    public void LoseOrderAnswers(int? httpStatus) =>
        Log($"lost order answers={httpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}", faults.LostOrderAnswerStatus = httpStatus);

    /// <summary>While on, order TRs wait before taking effect (an order in flight); off lets them through.</summary>
    public void HoldOrders(bool on) => Log($"hold orders={on}", faults.HoldOrders = on);

    /// <summary>While on, 00/04 pushes are kept back (as if the socket were away); off sends them late, in order.</summary>
    public void HoldAccountPushes(bool on)
    {
        Log($"hold account pushes={on}", faults.HoldAccountPushes = on);
        if (!on)
        {
            hub.ReleaseHeldAccountPushes();
        }
    }

    /// <summary>While on, every TR call is answered 1700 / HTTP 429; the token call (au10001) still issues tokens.</summary>
    public void ForceRateLimit(bool on) => Log($"force 429={on}", limiter.ForceLimited = on);

    public void SetRateLimit(int? perSecond) => Log($"rate limit={perSecond?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}", limiter.LimitOverride = perSecond);

    public void Pause() => Log("pause", engine.Paused = true);

    public void Resume() => Log("resume", engine.Paused = false);

    /// <summary>Multiplies the trading rate (2 = twice the trades per step).</summary>
    public void SetSpeed(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        Log($"speed={speed}", engine.Speed = speed);
    }

    /// <summary>Runs market steps now, whatever the timer does (deterministic tests).</summary>
    public void Step(int steps = 1)
    {
        for (var k = 0; k < steps; k++)
        {
            engine.Step();
        }
    }

    public void Halt(string code, bool halted) => Log($"halt {code}={halted}", () => engine.SetHalted(code, halted));

    public ViEvent TriggerVi(string code, bool upward = true, bool isStatic = true)
    {
        SimulatorLog.ControlAction(logger, $"VI {code}");
        return engine.TriggerVi(code, upward, isStatic);
    }

    public void SetEmitTimestamps(bool on) => Log($"emit timestamps={on}", hub.EmitTimestamps = on);

    public SimulatorStats Stats() => new(
        metrics.Requests,
        metrics.Errors,
        metrics.Sockets,
        metrics.Frames,
        engine.StepCount,
        engine.Paused,
        engine.Speed,
        faults.Silent,
        (int)faults.Latency.TotalMilliseconds,
        limiter.ForceLimited);

    internal void Map(RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            if (remote is null || !IPAddress.IsLoopback(remote))
            {
                SimulatorLog.ControlRefused(logger);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return await next(context);
        });
        group.MapGet("/stats", () => Results.Json(Stats()));
        group.MapPost("/drop", () => Results.Json(new { dropped = DropSockets() }));
        group.MapPost("/silence", (bool on) => Ok(() => SetSilent(on)));
        group.MapPost("/expire-tokens", (string? appKey) => Results.Json(new { expired = ExpireTokens(appKey) }));
        group.MapPost("/latency", (int ms) => ms is < 0 or > 600_000 ? Results.BadRequest() : Ok(() => SetLatency(TimeSpan.FromMilliseconds(ms))));
        group.MapPost("/rate-limit", (bool? force, int? perSecond) => Ok(() =>
        {
            if (force is { } f)
            {
                ForceRateLimit(f);
            }

            SetRateLimit(perSecond is > 0 ? perSecond : null);
        }));
        group.MapPost("/time", (bool? pause, double? speed) => Ok(() =>
        {
            if (pause == true)
            {
                Pause();
            }
            else if (pause == false)
            {
                Resume();
            }

            if (speed is > 0 and <= 1_000)
            {
                SetSpeed(speed.Value);
            }
        }));
        group.MapPost("/halt", (string code, bool on) => engine.Universe.Find(code) is null ? Results.NotFound() : Ok(() => Halt(code, on)));
        group.MapPost("/vi", (string code, bool? up, bool? isStatic) => engine.Universe.Find(code) is null
            ? Results.NotFound()
            : Results.Json(TriggerVi(code, up ?? true, isStatic ?? true)));
        group.MapPost("/emit-timestamps", (bool on) => Ok(() => SetEmitTimestamps(on)));
    }

    private IResult Ok(Action action)
    {
        action();
        return Results.Json(Stats());
    }

    private T Log<T>(string action, T result)
    {
        SimulatorLog.ControlAction(logger, action);
        return result;
    }

    private void Log(string action, Action apply)
    {
        apply();
        SimulatorLog.ControlAction(logger, action);
    }
}
