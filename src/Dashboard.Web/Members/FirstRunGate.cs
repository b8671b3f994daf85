namespace Dashboard.Web.Members;

/// <summary>The process-wide lock that serializes registrations (see <see cref="MemberRegistration"/>).</summary>
public sealed class FirstRunGate : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public Task WaitAsync(CancellationToken ct = default) => semaphore.WaitAsync(ct);

    public void Release() => semaphore.Release();

    public void Dispose() => semaphore.Dispose();
}
