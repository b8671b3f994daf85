using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Alerts;

/// <summary>The browser's Notification API through a small module; loaded on first use, never before the circuit is interactive.</summary>
public sealed class BrowserNotifications(IJSRuntime js) : IAsyncDisposable
{
    private const string ModulePath = "./_content/Dashboard.Web/Components/Alerts/AlertWatcher.razor.js";
    private Task<IJSObjectReference>? module;

    /// <summary>"granted", "denied", "default" or "unsupported".</summary>
    public async Task<string> PermissionAsync() => await (await ModuleAsync()).InvokeAsync<string>("permission");

    /// <summary>Asks the member (the browser's prompt); the answer as in <see cref="PermissionAsync"/>.</summary>
    public async Task<string> RequestAsync() => await (await ModuleAsync()).InvokeAsync<string>("request");

    public async Task<bool> NotifyAsync(string title, string body, string tag) =>
        await (await ModuleAsync()).InvokeAsync<bool>("notify", title, body, tag);

    public async ValueTask DisposeAsync()
    {
        if (module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    private Task<IJSObjectReference> ModuleAsync() => module ??= js.InvokeAsync<IJSObjectReference>("import", ModulePath).AsTask();
}
