namespace Dashboard.Kiwoom.Wire;

/// <summary>
/// Implemented by every generated response and row: walks its values after decoding and reports the
/// ones that did not fit their type, with the wire path that leads to them.
/// </summary>
internal interface IWireChecked
{
    void CheckWire(WireWarningCollector collector);
}
