using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Security;

/// <summary>When the member last did something in this circuit (one instance per circuit).</summary>
public sealed class CircuitActivity(TimeProvider time)
{
    private long lastTicks = time.GetUtcNow().UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref lastTicks), TimeSpan.Zero);

    public void Touch() => Interlocked.Exchange(ref lastTicks, time.GetUtcNow().UtcTicks);
}

/// <summary>Records every inbound message of the circuit (clicks, typing, navigation) as activity.</summary>
internal sealed class CircuitActivityHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };
}
