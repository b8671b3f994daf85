using System.Reflection;
using Dashboard.Web.Broker;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>Each area logs in its own event-id range, so an id names one message for operators and log queries.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void NoTwoLogMessagesOfTheWebAppShareAnEventId()
    {
        var messages = typeof(BrokerLog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method.DeclaringType!.Name + "." + m.Method.Name))}")
            .ToList();

        Assert.True(messages.Count > 20, $"Only {messages.Count} log messages found; the scan is not seeing them.");
        Assert.Empty(shared);
    }
}
