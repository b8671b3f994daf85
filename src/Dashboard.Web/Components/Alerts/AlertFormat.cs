using System.Globalization;
using Dashboard.Web.Alerts;
using Dashboard.Web.Shell;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Alerts;

/// <summary>How an alert rule and the value that fired it are written, in the member's language.</summary>
public static class AlertFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Rule(IStringLocalizer<AlertText> t, string code, AlertKind kind, decimal threshold, int windowMinutes) =>
        t["Rule" + kind, code, Number(kind, threshold), windowMinutes];

    public static string Value(IStringLocalizer<AlertText> t, AlertKind kind, decimal value) =>
        t["Value" + kind, Number(kind, value)];

    public static string Notice(IStringLocalizer<AlertText> t, AlertNotice notice) =>
        t["Fired", Rule(t, notice.Code, notice.Kind, notice.Threshold, notice.WindowMinutes), Value(t, notice.Kind, notice.Value)];

    private static string Number(AlertKind kind, decimal value) =>
        kind == AlertKind.RateOfChange ? Percent.SignedNumber(value) : value.ToString("#,0", Invariant);
}
