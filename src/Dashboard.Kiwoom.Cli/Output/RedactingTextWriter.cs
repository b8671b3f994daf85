using System.Text;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// Holds text back until a line is complete, masks every secret in it and passes it on. Whole
/// lines matter: a secret written in two pieces must still be recognised. Thread-safe, because
/// library log lines (--verbose) arrive from the realtime client's threads.
/// </summary>
internal sealed class RedactingTextWriter(TextWriter inner, SecretRedactor redactor) : TextWriter
{
    private readonly Lock gate = new();
    private readonly StringBuilder pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value)
    {
        lock (gate)
        {
            pending.Append(value);
            if (value == '\n')
            {
                PassOn();
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (gate)
        {
            pending.Append(buffer);
            if (buffer.Contains('\n'))
            {
                PassOn();
            }
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void WriteLine(string? value)
    {
        lock (gate)
        {
            pending.Append(value).Append(CoreNewLine);
            PassOn();
        }
    }

    public override void Flush()
    {
        lock (gate)
        {
            if (pending.Length > 0)
            {
                inner.Write(redactor.Redact(pending.ToString()));
                pending.Clear();
            }

            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void PassOn()
    {
        var text = pending.ToString();
        var end = text.LastIndexOf('\n') + 1;
        inner.Write(redactor.Redact(text[..end]));
        pending.Clear().Append(text.AsSpan(end));
        inner.Flush();
    }
}
