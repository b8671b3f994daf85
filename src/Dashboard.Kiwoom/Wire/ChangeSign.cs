using System.Text.Json.Serialization;

namespace Dashboard.Kiwoom.Wire;

/// <summary>A change-sign code "1".."5": upper limit, up, unchanged, lower limit, down.</summary>
[JsonConverter(typeof(WireValueConverter<ChangeSign>))]
public readonly record struct ChangeSign : IWireValue<ChangeSign>
{
    private ChangeSign(string? raw, ChangeSignCode? value, bool malformed)
    {
        Raw = raw;
        Value = value;
        IsMalformed = malformed;
    }

    public string? Raw { get; }

    public ChangeSignCode? Value { get; }

    public bool HasValue => Value is not null;

    public bool IsMalformed { get; }

    /// <summary>Up or at the upper limit.</summary>
    public bool IsUp => Value is ChangeSignCode.Up or ChangeSignCode.UpperLimit;

    /// <summary>Down or at the lower limit.</summary>
    public bool IsDown => Value is ChangeSignCode.Down or ChangeSignCode.LowerLimit;

    public string Expected => "change sign code 1-5";

    public static ChangeSign Parse(string? raw)
    {
        if (WireText.IsBlank(raw))
        {
            return new ChangeSign(raw, null, false);
        }

        var text = raw.AsSpan().Trim(' ');
        return text.Length == 1 && text[0] is >= '1' and <= '5'
            ? new ChangeSign(raw, (ChangeSignCode)(text[0] - '0'), false)
            : new ChangeSign(raw, null, true);
    }

    public static ChangeSign From(ChangeSignCode code) => Parse(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => Value?.ToString() ?? WireFormat.Unparsed(Raw, IsMalformed);
}
