namespace Dashboard.Web.Security;

/// <summary>
/// In-process notice that a member's sessions must end now (disabled, role changed). Open circuits
/// listen; the periodic revalidation remains the fallback for anything this misses.
/// </summary>
public sealed class MemberSignOutSignal
{
    /// <summary>Every sign-out request, raised here or relayed from another instance: circuits listen to this.</summary>
    public event Action<string>? SignOutRequested;

    /// <summary>Only requests that started on this instance: what a cross-instance relay passes on (never its own relays).</summary>
    public event Action<string>? RaisedHere;

    public void Raise(string userId)
    {
        SignOutRequested?.Invoke(userId);
        RaisedHere?.Invoke(userId);
    }

    /// <summary>A request another instance relayed: acted on here, not sent back out.</summary>
    public void RaiseFromPeer(string userId) => SignOutRequested?.Invoke(userId);
}
