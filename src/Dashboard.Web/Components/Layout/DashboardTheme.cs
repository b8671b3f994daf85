using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>The dashboard's light and dark palettes; price colours are CSS variables, not theme colours.</summary>
internal static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            AppbarBackground = "#1f4e8c",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fa8e0",
            AppbarBackground = "#1b1f2a",
        },
    };
}
