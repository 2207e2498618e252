using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>HTML and scripts in model output are shown as text, never run.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SafeRenderingTests(BrowserEnvironment env)
{
    private const string ImagePayload = "<img src=x onerror=\"window.__xss=1\">";
    private const string ScriptPayload = "<script>window.__xss=2</script>";
    private const string LinkPayload = "[click me](javascript:window.__xss=3)";

    [Fact]
    public async Task Html_quoted_back_by_the_model_is_shown_as_text_and_nothing_runs()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        // The scripted model's fallback answer quotes the user's message word for word.
        var message = $"Please show {ImagePayload} and {ScriptPayload} and {LinkPayload}";

        await tab.Chat.SendAsync(message);

        await AssertNothingRanAsync(tab);
        var reply = tab.Chat.AssistantMessages.Last.GetByTestId("message-content");
        var stored = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().Last();
        Assert.Contains(ImagePayload, stored.GetProperty("content").GetString(), StringComparison.Ordinal);
        await Expect(reply).ToContainTextAsync(ImagePayload);
        await Expect(reply).ToContainTextAsync(ScriptPayload);

        // The same history loaded from Restate after a reload is just as inert.
        await tab.Page.ReloadAsync();
        await tab.Chat.WaitForHistoryAsync(sessionId);
        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync(ImagePayload);
        await AssertNothingRanAsync(tab);
        tab.AssertNoConsoleErrors();
    }

    private static async Task AssertNothingRanAsync(BrowserTab tab)
    {
        // Give a failed image load time to fire its error handler, had one been created.
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await tab.Page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await tab.Page.EvaluateAsync<string>("() => typeof window.__xss"));
        var timeline = tab.Chat.ByTestId("message-list");
        await Expect(tab.Page.Locator("img[onerror]")).ToHaveCountAsync(0);
        await Expect(timeline.Locator("img, script, iframe, [onerror], [onclick]")).ToHaveCountAsync(0);
        await Expect(timeline.Locator("a[href]:not([href^='http:']):not([href^='https:']):not([href^='mailto:'])")).ToHaveCountAsync(0);
    }
}
