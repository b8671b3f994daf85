namespace Dashboard.Web.Broker;

/// <summary>
/// A feed ended for a reason its reader must show, not by its own dispose or its session's end: e.g. the
/// team's shared quotes could not move to another session. Thrown to the feed's reader once the values
/// already waiting were read.
/// </summary>
public sealed class FeedInterruptedException(string message) : Exception(message);
