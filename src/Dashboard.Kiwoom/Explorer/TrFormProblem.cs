namespace Dashboard.Kiwoom.Explorer;

/// <summary>One finding of <see cref="TrFormValidator"/>; <see cref="Message"/> is English, UIs may word it from <see cref="Kind"/>.</summary>
/// <param name="Field">The catalog's name of the field (or the name as given, for an unknown one).</param>
public sealed record TrFormProblem(TrFormProblemKind Kind, string Field, string Message)
{
    /// <summary>Errors stop the request; warnings are shown and the request goes out (the server is the judge).</summary>
    public bool IsError => Kind is TrFormProblemKind.UnknownField or TrFormProblemKind.Duplicate or TrFormProblemKind.MissingRequired;
}
