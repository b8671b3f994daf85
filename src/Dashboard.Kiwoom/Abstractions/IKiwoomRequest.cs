namespace Dashboard.Kiwoom;

/// <summary>A REST request body of one TR; the response type is known statically.</summary>
public interface IKiwoomRequest
{
    /// <summary>The registry entry of this request's TR.</summary>
    KiwoomApiDescriptor Api { get; }
}

/// <summary>A request whose answer decodes into <typeparamref name="TResponse"/>.</summary>
public interface IKiwoomRequest<TResponse> : IKiwoomRequest
    where TResponse : KiwoomResponse;
