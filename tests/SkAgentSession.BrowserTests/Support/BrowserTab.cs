using Microsoft.Playwright;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>One browser context with one page on the chat UI; closes the context when disposed.</summary>
internal sealed class BrowserTab(IBrowserContext context, IPage page, ConsoleRecorder console, LoopbackGuard guard, Uri appUrl)
    : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public ConsoleRecorder Console { get; } = console;

    public ChatPage Chat { get; } = new(page, appUrl);

    /// <summary>Fails with the offending messages if the page logged an error or reached beyond loopback.</summary>
    public void AssertNoConsoleErrors(bool allowNetworkFailures = false)
    {
        var errors = allowNetworkFailures ? Console.ErrorsExceptNetworkFailures() : Console.Errors.ToList();
        Assert.True(errors.Count == 0, "Console errors:\n" + string.Join('\n', errors));
        AssertStayedOnLoopback();
    }

    public void AssertStayedOnLoopback() =>
        Assert.True(guard.BlockedUrls.Count == 0, "Requests beyond loopback:\n" + string.Join('\n', guard.BlockedUrls));

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
