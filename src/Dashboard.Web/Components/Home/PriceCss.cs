using Dashboard.Web.Shell;

namespace Dashboard.Web.Components.Home;

/// <summary>The app's price colour classes (red up, blue down; the layout flips them when the member chose so).</summary>
public static class PriceCss
{
    public static string Of(PriceDirection direction) => direction switch
    {
        PriceDirection.Up => "price-up",
        PriceDirection.Down => "price-down",
        _ => "price-flat",
    };
}
