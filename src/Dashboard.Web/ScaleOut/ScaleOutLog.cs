namespace Dashboard.Web.ScaleOut;

/// <summary>Scale-out log events, ids 5300-5399. Messages carry member ids and list ids only, never secrets.</summary>
internal static partial class ScaleOutLog
{
    [LoggerMessage(5300, LogLevel.Information, "Scale-out through Redis as instance {InstanceId} (prefix {Prefix}).")]
    public static partial void Started(ILogger logger, string instanceId, string prefix);

    [LoggerMessage(5301, LogLevel.Warning, "Publishing on Redis channel {Channel} failed; other instances learn of it on their next reload or revalidation.")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(5302, LogLevel.Warning, "A message on Redis channel {Channel} could not be read and was ignored.")]
    public static partial void UnreadableMessage(ILogger logger, Exception exception, string channel);

    [LoggerMessage(5303, LogLevel.Information, "Member {MemberId} signed out here at the request of instance {From}.")]
    public static partial void SignOutFromPeer(ILogger logger, string memberId, string from);

    [LoggerMessage(5310, LogLevel.Information, "Instance {InstanceId} holds the upstream of key {KeyId} (fence {Fence}).")]
    public static partial void LeaseTaken(ILogger logger, string instanceId, string keyId, long fence);

    [LoggerMessage(5311, LogLevel.Information, "Key {KeyId} is held by another instance; its events reach this instance through Redis.")]
    public static partial void ServedRemotely(ILogger logger, string keyId);

    [LoggerMessage(5312, LogLevel.Information, "Instance {InstanceId} took over key {KeyId} (fence {Fence}) after its holder went away.")]
    public static partial void TookOver(ILogger logger, string instanceId, string keyId, long fence);

    [LoggerMessage(5313, LogLevel.Information, "Instance {InstanceId} released key {KeyId} (fence {Fence}).")]
    public static partial void LeaseReleased(ILogger logger, string instanceId, string keyId, long fence);

    [LoggerMessage(5314, LogLevel.Error, "Instance {InstanceId} lost the lease of key {KeyId} (fence {Fence}); it stops relaying. Local circuits keep this socket until they leave, so the key may briefly have two.")]
    public static partial void LeaseLost(ILogger logger, string instanceId, string keyId, long fence);

    [LoggerMessage(5315, LogLevel.Warning, "Renewing the lease of key {KeyId} failed; retrying until it expires.")]
    public static partial void RenewFailed(ILogger logger, Exception exception, string keyId);

    [LoggerMessage(5316, LogLevel.Warning, "A relayed event of key {KeyId} could not be read (malformed or another key ring) and was dropped.")]
    public static partial void UnreadableRelay(ILogger logger, string keyId);

    [LoggerMessage(5317, LogLevel.Warning, "Relaying {Type} {Item} of key {KeyId} ended ({Reason}); it is registered again at the next renewal.")]
    public static partial void RelayEnded(ILogger logger, string type, string item, string keyId, string reason);

    [LoggerMessage(5318, LogLevel.Warning, "Publishing a relayed event of key {KeyId} failed.")]
    public static partial void RelayPublishFailed(ILogger logger, Exception exception, string keyId);

    [LoggerMessage(5319, LogLevel.Warning, "The holder of key {KeyId} did not confirm registering {Type} {Item} in time; the feed starts anyway.")]
    public static partial void RegistrationUnconfirmed(ILogger logger, string type, string item, string keyId);

    [LoggerMessage(5320, LogLevel.Warning, "Redis did not answer while claiming key {KeyId}; its session opens here without the lease.")]
    public static partial void ClaimWithoutRedis(ILogger logger, Exception exception, string keyId);

    [LoggerMessage(5321, LogLevel.Warning, "A routed request or answer of {Where} could not be read (malformed or another key ring) and was dropped.")]
    public static partial void UnreadableRoutedMessage(ILogger logger, string where);

    [LoggerMessage(5322, LogLevel.Information, "A routed {ApiId} of key {KeyId} arrived after its asker's deadline and was not sent.")]
    public static partial void RoutedRequestExpired(ILogger logger, string apiId, string keyId);

    [LoggerMessage(5323, LogLevel.Error, "Serving a routed {ApiId} of key {KeyId} failed.")]
    public static partial void RoutedRequestFailed(ILogger logger, Exception exception, string apiId, string keyId);

    [LoggerMessage(5324, LogLevel.Warning, "The answer to a routed {ApiId} of key {KeyId} could not be published; its asker sees no answer.")]
    public static partial void RoutedReplyFailed(ILogger logger, Exception exception, string apiId, string keyId);

    [LoggerMessage(5325, LogLevel.Warning, "A routed order {ApiId} of key {KeyId} was delivered again under the same id and was not sent again.")]
    public static partial void RoutedOrderDuplicate(ILogger logger, string apiId, string keyId);

    [LoggerMessage(5326, LogLevel.Information, "Sending order {ApiId} of key {KeyId} for another instance (fence {Fence}).")]
    public static partial void RoutedOrderSending(ILogger logger, string apiId, string keyId, long fence);

    [LoggerMessage(5327, LogLevel.Warning, "Handing {ApiId} of key {KeyId} to its holder over Redis failed.")]
    public static partial void RoutedPublishFailed(ILogger logger, Exception exception, string apiId, string keyId);

    [LoggerMessage(5328, LogLevel.Warning, "{ApiId} of key {KeyId}: the holder {Holder} is gone (no listener, or its lease passed on) before answering.")]
    public static partial void RoutedHolderGone(ILogger logger, string apiId, string keyId, string holder);

    [LoggerMessage(5329, LogLevel.Warning, "{ApiId} of key {KeyId}: the holder did not answer within {Seconds} s.")]
    public static partial void RoutedTimedOut(ILogger logger, string apiId, string keyId, double seconds);

    [LoggerMessage(5330, LogLevel.Error, "A routed answer of {ApiId} could not be decoded: {Reason}")]
    public static partial void RoutedDecodeFailed(ILogger logger, string apiId, string reason);

    [LoggerMessage(5331, LogLevel.Warning, "A routed answer of {ApiId}: field {Field} does not hold {Expected} (logged once per field).")]
    public static partial void RoutedWireWarning(ILogger logger, string apiId, string field, string expected);

    [LoggerMessage(5332, LogLevel.Information, "The token of key {KeyId} was not revoked on the way out ({Why}); it passes to the key's next holder or expires by itself.")]
    public static partial void TokenLeftToNextHolder(ILogger logger, string keyId, string why);
}
