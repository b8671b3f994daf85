using System.Threading.Channels;
using Dashboard.Kiwoom.Realtime;

namespace Dashboard.Web.Broker;

/// <summary>A live condition search: its changes in order, none dropped (a snapshot first and after each reconnect).</summary>
public interface IConditionWatch : IAsyncDisposable
{
    string Seq { get; }

    ChannelReader<ConditionChange> Changes { get; }
}
