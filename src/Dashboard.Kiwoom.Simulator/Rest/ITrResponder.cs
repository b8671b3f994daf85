namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>Answers the TRs the generic composer cannot: orders and the account TRs that depend on them.</summary>
internal interface ITrResponder
{
    IReadOnlyCollection<string> ApiIds { get; }

    TrOutcome Respond(TrCall call);
}
