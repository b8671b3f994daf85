using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Debian's Chromium through Playwright (its own browser download cannot work here), plus screenshots.</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        this.playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <param name="extraArguments">More Chromium switches for one test class (e.g. the PWA check's certificate switch).</param>
    public static async Task<Browser> LaunchAsync(params string[] extraArguments)
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", .. extraArguments],
        });
        return new Browser(playwright, chromium);
    }

    public Task<IBrowserContext> NewContextAsync(Uri baseAddress, Device device) => Chromium.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseAddress.ToString(),
        IgnoreHTTPSErrors = true,
        ViewportSize = device == Device.Phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
        DeviceScaleFactor = device == Device.Phone ? 2 : 1,
        IsMobile = device == Device.Phone,
        HasTouch = device == Device.Phone,
        Locale = "ko-KR",
    });

    /// <summary>
    /// A full-page screenshot in artifacts/screenshots, and a copy in the folder JOURNEY_SHOTS names when it is set
    /// (for looking at one branch's pages apart from the rest).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("JOURNEY_SHOTS") is { Length: > 0 } copies)
        {
            Directory.CreateDirectory(copies);
            File.Copy(path, Path.Combine(copies, name + ".png"), overwrite: true);
        }
    }

    /// <summary>
    /// Runs <paramref name="journey"/> with Playwright tracing on, and keeps the trace (DOM snapshots, screenshots,
    /// network) in artifacts/traces/<paramref name="name"/>.zip only when it fails, so that a failure seen once in CI
    /// can be replayed with <c>playwright show-trace</c> instead of guessed at.
    /// </summary>
    public static async Task TracedAsync(IBrowserContext context, string name, Func<Task> journey)
    {
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = name });
        try
        {
            await journey();
        }
        catch
        {
            var folder = Path.Combine(RepositoryRoot(), "artifacts", "traces");
            Directory.CreateDirectory(folder);
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(folder, name + ".zip") });
            throw;
        }

        await context.Tracing.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright.Dispose();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; directory is not null && depth < 10; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dashboard.sln")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
