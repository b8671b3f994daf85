using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// The <c>kiwoom call</c> command line that sends the same request as a form: the api-id, every field
/// as <c>field=value</c> (shell-quoted where needed) and <c>--env</c>. Keys are never part of it: the
/// CLI reads them from KIWOOM_APPKEY/KIWOOM_SECRETKEY (or, for the simulator, uses its demo pair).
/// </summary>
public static partial class TrCommandLine
{
    public static string For(string apiId, IEnumerable<KeyValuePair<string, string>> fields, KiwoomEnvironment environment)
    {
        var line = new StringBuilder("kiwoom call ").Append(apiId);
        foreach (var (name, value) in fields)
        {
            line.Append(' ').Append(Quote(name + "=" + value));
        }

        return line.Append(" --env ").Append(environment switch
        {
            KiwoomEnvironment.Production => "production",
            KiwoomEnvironment.Mock => "mock",
            _ => "simulator",
        }).ToString();
    }

    // POSIX single quotes keep everything literal; a quote inside is closed, escaped and reopened.
    private static string Quote(string word) => Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_=.,:%/+@-]*$")]
    private static partial Regex Plain();
}
