namespace Dashboard.Web.Broker;

/// <summary>A value of a conflated feed: a newer value with the same <see cref="Key"/> replaces an older one.</summary>
public interface ILiveValue
{
    string Key { get; }
}
