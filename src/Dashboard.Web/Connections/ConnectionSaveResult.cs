namespace Dashboard.Web.Connections;

/// <summary>The saved connection's id, or the validation messages (in the UI language) that stopped it.</summary>
public sealed record ConnectionSaveResult(Guid? Id, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Id is not null;

    public static ConnectionSaveResult Invalid(params string[] errors) => new(null, errors);
}
