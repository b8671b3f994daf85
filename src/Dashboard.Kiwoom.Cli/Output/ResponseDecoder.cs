using System.Collections.Concurrent;
using System.Reflection;
using Dashboard.Kiwoom.Wire;

namespace Dashboard.Kiwoom.Cli.Output;

/// <summary>
/// Decodes a body into the generated response type of a TR chosen at run time, through the one
/// decode entry point <see cref="KiwoomJson.Decode{T}"/>.
/// </summary>
internal static class ResponseDecoder
{
    private delegate KiwoomResult<KiwoomResponse> Decoder(byte[] body, string apiId, List<WireWarning> warnings);

    private static readonly MethodInfo DecodeAsMethod =
        typeof(ResponseDecoder).GetMethod(nameof(DecodeAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Decoder> Decoders = new();

    public static KiwoomResult<KiwoomResponse> Decode(KiwoomApiDescriptor api, byte[] body, List<WireWarning> warnings)
    {
        var decoder = Decoders.GetOrAdd(api.ResponseType, type => DecodeAsMethod.MakeGenericMethod(type).CreateDelegate<Decoder>());
        return decoder(body, api.Id, warnings);
    }

    private static KiwoomResult<KiwoomResponse> DecodeAs<T>(byte[] body, string apiId, List<WireWarning> warnings)
        where T : KiwoomResponse =>
        KiwoomJson.Decode<T>(body, apiId, warnings).Map(response => (KiwoomResponse)response);
}
