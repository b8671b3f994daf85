using System.Text;

namespace Dashboard.Kiwoom.Tests.Cli;

/// <summary>A text sink the CLI writes to while a test reads it (stream output arrives as it happens).</summary>
internal sealed class ConcurrentTextWriter : TextWriter
{
    private readonly Lock gate = new();
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (gate)
        {
            text.Append(buffer, index, count);
        }
    }

    /// <summary>Polls until <paramref name="expected"/> was written; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Text.Contains(expected, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{expected}' was not written within {timeout}. Written so far:\n{Text}");
            }

            await Task.Delay(20);
        }
    }
}
