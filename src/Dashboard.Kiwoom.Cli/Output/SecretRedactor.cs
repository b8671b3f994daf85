namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// The secrets of this run (app key, secret key, access token). Everything the CLI writes passes
/// through it, so a secret echoed by a server message or an exception text is masked, not printed.
/// </summary>
internal sealed class SecretRedactor
{
    // Masking a one- or two-character "secret" would mangle ordinary output and protect nothing.
    private const int MinimumSecretLength = 4;

    private readonly Lock gate = new();
    private string[] secrets = [];

    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (gate)
        {
            if (!secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is masked whole.
                secrets = [.. secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Redact(string text)
    {
        var current = secrets;
        foreach (var secret in current)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Secrets.Mask(secret), StringComparison.Ordinal);
            }
        }

        return text;
    }
}
