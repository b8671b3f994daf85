using System.Diagnostics.Metrics;
using Dashboard.Web.Broker;

namespace Dashboard.Web.Tests.Broker;

/// <summary>A <see cref="BrokerMetrics"/> on a private meter factory, for tests outside a host.</summary>
internal static class TestMeters
{
    public static BrokerMetrics Create() => new(new PrivateMeterFactory());

    private sealed class PrivateMeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() => meters.ForEach(m => m.Dispose());
    }
}
