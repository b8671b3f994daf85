namespace Dashboard.Web.Security;

/// <summary>
/// In-process notice that a member's sessions must end now (disabled, role changed). Open circuits
/// listen; the periodic revalidation remains the fallback for anything this misses.
/// </summary>
public sealed class MemberSignOutSignal
{
    public event Action<string>? SignOutRequested;

    public void Raise(string userId) => SignOutRequested?.Invoke(userId);
}
