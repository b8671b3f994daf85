using Dashboard.Web.Broker.TeamQuotes;

namespace Dashboard.Web.Tests.Broker.TeamQuotes;

/// <summary>
/// <see cref="BrokerHost"/> with <c>Broker:SharedQuotes</c> on: every member's session opens its own real
/// socket and the team's quotes hang on one of them.
/// </summary>
public sealed class SharedQuotesHost() : BrokerHost(settings => settings["Broker:SharedQuotes"] = "true", memberPrefix: "team")
{
    public TeamQuoteSources Sources => Factory.Services.GetRequiredService<TeamQuoteSources>();
}
