using System.Text.RegularExpressions;

namespace Dashboard.Kiwoom.Rest;

/// <summary>Masks values that may be account numbers before they reach a log line.</summary>
internal static partial class LogRedaction
{
    /// <summary>Any run of eight or more digits (accounts are 8+2 digits) keeps only its last four.</summary>
    public static string MaskLongNumbers(string value) => LongDigitRun().Replace(value, m => Secrets.MaskAccount(m.Value));

    [GeneratedRegex(@"\d{8,}")]
    private static partial Regex LongDigitRun();
}
