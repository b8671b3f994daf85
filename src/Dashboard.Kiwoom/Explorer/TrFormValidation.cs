using System.Text.Json.Nodes;

namespace Dashboard.Kiwoom.Explorer;

/// <summary>
/// The outcome of checking request values: the body to send (field names as the catalog spells them,
/// in the order given) and what was found. Only send <see cref="Body"/> when <see cref="IsValid"/>.
/// </summary>
public sealed record TrFormValidation(JsonObject Body, IReadOnlyList<TrFormProblem> Problems)
{
    public bool IsValid => !Problems.Any(p => p.IsError);

    public IEnumerable<TrFormProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<TrFormProblem> Warnings => Problems.Where(p => !p.IsError);
}
