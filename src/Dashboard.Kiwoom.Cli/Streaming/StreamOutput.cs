using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Kiwoom.Cli.Streaming;

/// <summary>
/// Serializes what the stream writes: events from every subscription's reader and connection
/// state changes arrive on different threads, the writers are not thread-safe.
/// </summary>
internal sealed class StreamOutput(RealtimeEventWriter events, TextWriter stderr)
{
    private readonly Lock gate = new();

    public void Event(RealtimeEvent e)
    {
        lock (gate)
        {
            events.Write(e);
        }
    }

    public void Note(string line)
    {
        lock (gate)
        {
            stderr.WriteLine(line);
        }
    }

    public void State(RealtimeStateChange change)
    {
        var text = change.State switch
        {
            RealtimeConnectionState.Connected => "connected.",
            RealtimeConnectionState.Reconnecting => $"connection lost ({change.Error?.Message ?? "no reason given"}); reconnecting in {change.RetryIn?.TotalSeconds:0.#} s.",
            _ => null,
        };
        if (text is not null)
        {
            Note(text);
        }
    }
}
