using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Web.Watchlists;

namespace Dashboard.Web.ScaleOut;

/// <summary>What crosses instances: who sent it (to skip one's own echo) and a small payload, never secrets.</summary>
internal sealed record PeerMessage<T>(string From, T Body);

[JsonSerializable(typeof(PeerMessage<WatchlistChange>))]
[JsonSerializable(typeof(PeerMessage<string>))]
internal sealed partial class PeerMessageJson : JsonSerializerContext;

internal static class PeerMessages
{
    public static string Write(PeerMessage<WatchlistChange> message) => JsonSerializer.Serialize(message, PeerMessageJson.Default.PeerMessageWatchlistChange);

    public static string Write(PeerMessage<string> message) => JsonSerializer.Serialize(message, PeerMessageJson.Default.PeerMessageString);

    public static PeerMessage<WatchlistChange>? ReadWatchlistChange(string json) => JsonSerializer.Deserialize(json, PeerMessageJson.Default.PeerMessageWatchlistChange);

    public static PeerMessage<string>? ReadMember(string json) => JsonSerializer.Deserialize(json, PeerMessageJson.Default.PeerMessageString);
}
