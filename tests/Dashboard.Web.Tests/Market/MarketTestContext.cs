using Bunit;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Market;

/// <summary>
/// bUnit contexts with MudBlazor's services, loose JS interop and the app's localization. MudBlazor's
/// services are async-disposable only, so owners dispose the context with DisposeAsync.
/// </summary>
public static class MarketTestContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        return context;
    }
}
