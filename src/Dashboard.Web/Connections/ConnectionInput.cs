using System.ComponentModel.DataAnnotations;
using Dashboard.Kiwoom;
using Dashboard.Web.Localization;

namespace Dashboard.Web.Connections;

/// <summary>
/// What a member types when adding or re-keying a connection. Keys left empty on an edit keep the
/// stored ones; the form never receives the stored values.
/// </summary>
public sealed class ConnectionInput
{
    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.LabelRequired))]
    [StringLength(60, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.LabelTooLong))]
    public string Label { get; set; } = string.Empty;

    public KiwoomEnvironment Environment { get; set; } = KiwoomEnvironment.Mock;

    [StringLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.KeyTooLong))]
    [RegularExpression(@"^[A-Za-z0-9_\-+/=.]*$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.KeyCharacters))]
    public string AppKey { get; set; } = string.Empty;

    [StringLength(200, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.KeyTooLong))]
    [RegularExpression(@"^[A-Za-z0-9_\-+/=.]*$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.KeyCharacters))]
    public string SecretKey { get; set; } = string.Empty;

    public override string ToString() => $"ConnectionInput {{ Label = {Label}, Environment = {Environment}, AppKey = {Secrets.Mask(AppKey)} }}";
}
