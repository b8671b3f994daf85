using System.Text;

namespace Dashboard.Kiwoom.Generator;

/// <summary>Indented text with "\n" line endings whatever the platform, so output is byte-stable.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text).Line("{");
        depth++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        depth--;
        return Line("}" + suffix);
    }

    public override string ToString() => builder.ToString();
}
