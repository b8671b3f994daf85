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
}
