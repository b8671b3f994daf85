namespace Dashboard.Kiwoom.Simulator.Rest;

/// <summary>A success body and the continuation headers that go with it.</summary>
internal sealed record ComposedResponse(byte[] Body, bool HasMore, string NextKey);
