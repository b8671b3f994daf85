namespace Dashboard.Web.Connections;

public enum ConnectionTestStatus
{
    Succeeded,
    BrokerError,
    NeedsReentry,
    NotFound,

    /// <summary>This build has no REST client registered, so no test was made.</summary>
    Unavailable,
}
