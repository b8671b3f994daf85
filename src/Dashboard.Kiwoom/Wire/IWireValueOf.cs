namespace Dashboard.Kiwoom.Wire;

/// <summary>A wire value that can be parsed from its raw string; lets one converter serve every type.</summary>
public interface IWireValue<TSelf> : IWireValue
    where TSelf : struct, IWireValue<TSelf>
{
    /// <summary>Parses a raw wire string; never throws, a misfit is kept raw and flagged.</summary>
    static abstract TSelf Parse(string? raw);
}
