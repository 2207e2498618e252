using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>An app that requires an API key: the UI asks for it once per browser session and uses it everywhere.</summary>
[Collection(SharedKeyedBrowser.Name)]
public sealed class ApiKeyPromptTests(KeyedBrowserEnvironment env)
{
    [Fact]
    public async Task The_key_is_asked_once_and_then_used_for_requests_and_the_event_stream()
    {
        await using var tab = await env.OpenTabAsync();
        var prompts = 0;
        tab.Page.Dialog += async (_, dialog) =>
        {
            prompts++;
            await dialog.AcceptAsync(KeyedBrowserEnvironment.Key);
        };

        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await tab.Chat.SendAsync("Is there wifi?");

        await Expect(tab.Chat.AssistantMessages.Last).ToContainTextAsync("Airline-Wifi");
        Assert.Equal(1, prompts);
        var items = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("Is there wifi?", items[0].GetProperty("content").GetString());

        await tab.Chat.OpenSessionAsync(sessionId);
        await Expect(tab.Chat.AssistantMessages.Last).ToContainTextAsync("Airline-Wifi");
        Assert.Equal(1, prompts);
    }

    [Fact]
    public async Task Without_a_key_the_page_says_that_the_app_requires_one()
    {
        await using var tab = await env.OpenTabAsync();
        var prompts = 0;
        tab.Page.Dialog += async (_, dialog) =>
        {
            prompts++;
            await dialog.DismissAsync();
        };

        await tab.Page.GotoAsync(env.AppUrl.ToString());

        await Expect(tab.Page.Locator("body")).ToContainTextAsync("Could not load the list of sessions: This app requires an API key");
        Assert.True(prompts >= 1);
    }
}
