namespace Dashboard.Kiwoom.Errors;

/// <summary>One row of the Kiwoom error table (PROTOCOL.md 5) or a code observed in live answers.</summary>
/// <param name="Code">The detailed code as it appears inside <c>return_msg</c> ("8005", "RC4058").</param>
/// <param name="Kind">How the send path treats it.</param>
/// <param name="Advice">What the member can do about it.</param>
/// <param name="Meaning">A short English description for logs and the CLI.</param>
public sealed record KiwoomErrorCode(string Code, KiwoomErrorKind Kind, KiwoomErrorAdvice Advice, string Meaning);
