namespace Dashboard.Kiwoom.Auth;

/// <summary>The token state of one credential; every field is read and written under <see cref="Gate"/>.</summary>
internal sealed class TokenSlot
{
    /// <summary>Single flight: one issue call per credential at a time; others wait and reuse its result.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Read without the gate on the fast path; a reference write is atomic.</summary>
    public volatile KiwoomToken? Token;

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>Re-issues forced by 8005 in a row; spaces the next forced re-issue out (1 s, 2 s, 4 s …).</summary>
    public int ForcedStreak { get; set; }

    /// <summary>Failed (or useless) issues in a row; no issue is attempted before <see cref="NotBefore"/>.</summary>
    public int FailureStreak { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public KiwoomError? LastError { get; set; }
}
