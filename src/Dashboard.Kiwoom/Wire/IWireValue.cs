namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// A decoded wire value that keeps the string it came from. A value that does not fit its type is
/// kept as <see cref="Raw"/> and flagged, never turned into a zero.
/// </summary>
public interface IWireValue
{
    /// <summary>The value as received; null when the field was absent or JSON null.</summary>
    string? Raw { get; }

    /// <summary>True when <see cref="Raw"/> parsed into a value.</summary>
    bool HasValue { get; }

    /// <summary>True when <see cref="Raw"/> carried something that is not a value of this type.</summary>
    bool IsMalformed { get; }

    /// <summary>What this type expects, for warnings ("signed price", "YYYYMMDD" …).</summary>
    string Expected { get; }
}
