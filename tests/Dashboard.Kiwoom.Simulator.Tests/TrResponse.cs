using System.Text.Json;

namespace Dashboard.Kiwoom.Simulator.Tests;

public sealed record TrResponse(int Status, JsonDocument Body, string ContYn, string NextKey, string Text)
{
    public int ReturnCode => Body.RootElement.GetProperty("return_code").GetInt32();

    public string ReturnMessage => Body.RootElement.GetProperty("return_msg").GetString() ?? "";

    public JsonElement Root => Body.RootElement;
}
