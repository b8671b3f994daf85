namespace Dashboard.Web.Shell;

/// <summary>Extension points of the app shell that other areas fill in at composition time.</summary>
public sealed class ShellOptions
{
    /// <summary>
    /// Component rendered in the app bar to show the member's broker connection state (the sessions
    /// area registers it: <c>services.Configure&lt;ShellOptions&gt;(o =&gt; o.ConnectionChip = typeof(ConnectionChip))</c>).
    /// Nothing is rendered while it is null.
    /// </summary>
    public Type? ConnectionChip { get; set; }
}
