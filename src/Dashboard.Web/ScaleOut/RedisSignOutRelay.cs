using Dashboard.Web.Security;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.ScaleOut;

/// <summary>
/// Carries "sign this member out now" (disabled, role changed) to every instance, so a member's circuits on
/// another instance end within seconds too, not at their next revalidation.
/// </summary>
public sealed class RedisSignOutRelay(IConnectionMultiplexer redis, MemberSignOutSignal signal, IOptions<ScaleOutOptions> options, ILogger<RedisSignOutRelay> logger)
    : IHostedService
{
    private readonly string instanceId = options.Value.ResolveInstanceId();
    private readonly RedisChannel channel = RedisChannel.Literal(options.Value.Channel("sign-out"));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().SubscribeAsync(channel, (_, value) => OnPeerMessage(value));
        signal.RaisedHere += OnRaisedHere;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.RaisedHere -= OnRaisedHere;
        await redis.GetSubscriber().UnsubscribeAsync(channel);
    }

    private async void OnRaisedHere(string memberId)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, PeerMessages.Write(new PeerMessage<string>(instanceId, memberId)));
        }
        catch (RedisException ex)
        {
            // The other instances' revalidation (Dashboard:CircuitRevalidationInterval) still ends those circuits.
            ScaleOutLog.PublishFailed(logger, ex, channel.ToString());
        }
    }

    private void OnPeerMessage(RedisValue value)
    {
        try
        {
            if (PeerMessages.ReadMember(value.ToString()) is { } message && message.From != instanceId)
            {
                ScaleOutLog.SignOutFromPeer(logger, message.Body, message.From);
                signal.RaiseFromPeer(message.Body);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            ScaleOutLog.UnreadableMessage(logger, ex, channel.ToString());
        }
    }
}
