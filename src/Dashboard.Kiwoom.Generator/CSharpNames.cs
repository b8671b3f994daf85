using System.Text;

namespace Dashboard.Kiwoom.Generator;

/// <summary>C# names from wire names: "cur_prc" -> "CurPrc", "250hgst" -> "N250hgst", "ka10001" -> "Ka10001".</summary>
internal static class CSharpNames
{
    public static string Pascal(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        foreach (var part in wireName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        var name = builder.ToString();
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "N" + name : name;
    }

    /// <summary>Returns <paramref name="wanted"/>, or it with a number appended when taken.</summary>
    public static string Unique(string wanted, ISet<string> taken)
    {
        var name = wanted;
        for (var i = 2; !taken.Add(name); i++)
        {
            name = wanted + i;
        }

        return name;
    }

    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc comment on one line.</summary>
    public static string Doc(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
