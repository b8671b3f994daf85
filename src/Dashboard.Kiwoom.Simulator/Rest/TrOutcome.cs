namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>Either a success body or a Kiwoom error.</summary>
internal sealed record TrOutcome(ComposedResponse? Response, SimError? Error)
{
    public static TrOutcome Ok(ComposedResponse response) => new(response, null);

    public static TrOutcome Fail(SimError error) => new(null, error);
}
