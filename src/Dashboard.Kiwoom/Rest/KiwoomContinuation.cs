namespace Dashboard.Kiwoom.Rest;

/// <summary>
/// Where the next page starts: the response header <c>next-key</c> of a page whose <c>cont-yn</c>
/// was <c>Y</c>. Sent back unchanged as request headers <c>cont-yn: Y</c> and <c>next-key</c>; the key is opaque.
/// </summary>
public sealed record KiwoomContinuation(string NextKey);
