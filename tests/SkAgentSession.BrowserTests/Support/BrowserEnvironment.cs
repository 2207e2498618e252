using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>
/// One real restate-server, the app (scripted model) registered with it, and one headless Chromium
/// driven by Playwright, shared by every browser test. Each test opens its own browser context.
/// </summary>
public class BrowserEnvironment : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserEnvironment()
        : this(new SessionEnvironment())
    {
    }

    protected BrowserEnvironment(SessionEnvironment sessions)
    {
        Sessions = sessions;
    }

    /// <summary>The app and its Restate, with an HTTP client for the app's API.</summary>
    public SessionEnvironment Sessions { get; }

    public Uri AppUrl => Sessions.App.BaseUrl;

    public Uri RestateUiUrl => new(Sessions.Restate.AdminUrl, "ui");

    public async Task InitializeAsync()
    {
        var chromium = ChromiumExecutable.Locate();
        if (!File.Exists(Path.Combine(RepositoryLayout.Root, "ui", "dist", "index.html")))
        {
            throw new InvalidOperationException("The web UI is not built (ui/dist/index.html is missing); build the app without SkipUiBuild=true.");
        }

        // The browser starts while Restate and the app come up.
        var launch = LaunchAsync(chromium);
        await Task.WhenAll(Sessions.InitializeAsync(), launch);
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context (empty storage) and page, with console and loopback checks.</summary>
    internal async Task<BrowserTab> OpenTabAsync(BrowserNewContextOptions? options = null)
    {
        var context = await _browser!.NewContextAsync(options ?? new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var guard = new LoopbackGuard();
        await guard.InstallAsync(context);
        var page = await context.NewPageAsync();
        var console = new ConsoleRecorder();
        console.Attach(page);
        return new BrowserTab(context, page, console, guard, AppUrl);
    }

    /// <summary>The session's history as the app's API returns it.</summary>
    public Task<JsonElement> GetHistoryAsync(string sessionId) => Sessions.GetHistoryAsync(sessionId);

    public async Task<JsonElement> GetInfoAsync() =>
        await Sessions.Api.GetFromJsonAsync<JsonElement>("api/info");

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Sessions.DisposeAsync();
    }

    private async Task LaunchAsync(string chromium)
    {
        _playwright = await Playwright.CreateAsync();
        // Playwright gives each launch an empty temporary user data dir of its own.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumExecutable.Arguments,
            Timeout = 60_000,
        });
    }
}
