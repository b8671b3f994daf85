namespace Dashboard.Web.Shell;

/// <summary>Which way a price moved; decides its colour under the member's convention.</summary>
public enum PriceDirection
{
    Flat,
    Up,
    Down,
}
