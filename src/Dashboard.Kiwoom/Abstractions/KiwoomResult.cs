using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Kiwoom;

/// <summary>
/// The outcome of a broker call: a value or a typed <see cref="KiwoomError"/>. Expected broker
/// failures are values, never exceptions (DESIGN.md).
/// </summary>
public readonly record struct KiwoomResult<T>
{
    private KiwoomResult(T? value, KiwoomError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public KiwoomError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static KiwoomResult<T> Success(T value) => new(value, null);

    public static KiwoomResult<T> Failure(KiwoomError error) => new(default, error);

    public static implicit operator KiwoomResult<T>(KiwoomError error) => Failure(error);

    /// <summary>Maps the value, passing an error through unchanged.</summary>
    public KiwoomResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        IsSuccess ? KiwoomResult<TOut>.Success(map(Value)) : KiwoomResult<TOut>.Failure(Error);

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error})";
}
