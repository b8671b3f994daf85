using System.Reflection;
using System.Text;
using Dashboard.Kiwoom.Catalog;
using Dashboard.Kiwoom.Generated;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Simulator.Tests;

/// <summary>The client library's generated records and single decode entry point read every simulator answer cleanly.</summary>
public sealed class GeneratedRecordDecodeTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    [Theory]
    [MemberData(nameof(RestTrTests.QueryTrs), MemberType = typeof(RestTrTests))]
    public async Task EveryQueryTrDecodesIntoItsGeneratedRecordWithoutWireWarnings(string apiId)
    {
        var tr = KiwoomCatalog.Default.Find(apiId)!;
        var response = await shared.Sim.CallAsync(tr.Id, tr.Path, tr.RequestExample.GetRawText(), shared.Token);

        // Fields the live API sends beyond the catalog's tables are in its errata (overlay.json), so the generated
        // records know them too: no answer leaves anything in Extra.
        var warnings = DecodeInto(apiId, response.Text);

        Assert.True(warnings.Count == 0, $"{apiId}: {string.Join("; ", warnings.Take(5))}");
    }

    internal static List<WireWarning> DecodeInto(string apiId, string body)
    {
        var descriptor = KiwoomApis.Find(apiId)!;
        var warnings = new List<WireWarning>();
        // ReadOnlySpan cannot be boxed for reflection; a tiny generic shim takes the bytes instead.
        var result = typeof(GeneratedRecordDecodeTests).GetMethod(nameof(DecodeBytes), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(descriptor.ResponseType)
            .Invoke(null, [Encoding.UTF8.GetBytes(body), apiId, warnings])!;
        Assert.True((bool)result, $"{apiId} did not decode");
        return warnings;
    }

    private static bool DecodeBytes<T>(byte[] body, string apiId, List<WireWarning> warnings)
        where T : KiwoomResponse =>
        KiwoomJson.Decode<T>(body, apiId, warnings).IsSuccess;
}
