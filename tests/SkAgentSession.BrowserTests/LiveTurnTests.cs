using System.Collections.Concurrent;
using Microsoft.Playwright;
using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>
/// Live turns: the streamed reply, Stop, a failed turn with Retry, and a reload in the middle of a
/// turn. Streaming and the reload need the session event stream (GET /api/sessions/{id}/events).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LiveTurnTests(BrowserEnvironment env)
{
    private const string MessagesRoute = "**/api/sessions/*/messages";

    /// <summary>Words the scripted model echoes back (its fallback reply), so its answer streams for a while.</summary>
    private static readonly string LongStory = string.Join(' ', Enumerable.Repeat(
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu",
        6));

    [Fact]
    public async Task Stop_during_a_slow_turn_shows_stopped_and_the_next_message_works()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var message = $"Tell me something #model-slow:5000 ({sessionId})";

        await tab.Chat.Input.FillAsync(message);
        await tab.Chat.Input.PressAsync("Enter");

        var stop = tab.Chat.ByTestId("stop-button");
        await Expect(stop).ToBeVisibleAsync();
        await Expect(stop).ToBeFocusedAsync();
        await stop.PressAsync("Enter");

        await Expect(tab.Chat.ByTestId("turn-stopped")).ToHaveCountAsync(1);
        await Expect(tab.Chat.ByTestId("turn-stopped")).ToContainTextAsync("Stopped");
        await Expect(stop).ToBeHiddenAsync();
        await Expect(tab.Chat.WorkingIndicator).ToHaveCountAsync(0);
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync(message);
        await Expect(tab.Chat.AssistantMessages).ToHaveCountAsync(0);
        var items = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("turn_status", items[^1].GetProperty("type").GetString());
        Assert.Equal("cancelled", items[^1].GetProperty("status").GetString());

        await tab.Chat.SendAsync("Is there wifi on the plane?");

        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("FAQ Agent");
        await Expect(tab.Chat.ByTestId("turn-stopped")).ToHaveCountAsync(1);
        AssertNoConsoleErrorsBut(tab, "status of 409");
    }

    [Fact]
    public async Task A_failed_turn_shows_its_error_and_retry_sends_the_message_again_as_a_new_turn()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        // The model rejects the first request for this message (HTTP 401, not retried); the second one works.
        var message = $"Is there wifi on the plane? #model-fail:1:401 ({sessionId})";
        var keys = new ConcurrentQueue<string?>();
        await tab.Page.RouteAsync(MessagesRoute, async route =>
        {
            keys.Enqueue(await route.Request.HeaderValueAsync("idempotency-key"));
            await route.ContinueAsync();
        });

        await tab.Chat.Input.FillAsync(message);
        await tab.Chat.Input.PressAsync("Enter");

        var failed = tab.Chat.ByTestId("turn-failed");
        await Expect(failed).ToHaveCountAsync(1);
        await Expect(tab.Chat.ByTestId("turn-error")).ToContainTextAsync("401");
        await Expect(tab.Chat.ByTestId("error-box")).ToHaveCountAsync(0);
        await Expect(tab.Chat.Input).ToBeEnabledAsync();

        await tab.Chat.ByTestId("turn-retry-button").ClickAsync();

        await tab.Chat.WaitForReplyAsync(0);
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("FAQ Agent");
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync([message, message]);
        await Expect(failed).ToHaveCountAsync(1);
        await Expect(tab.Chat.ByTestId("turn-retry-button")).ToHaveCountAsync(0);
        var sent = keys.ToList();
        Assert.Equal(2, sent.Count);
        Assert.NotEqual(sent[0], sent[1]);
        var items = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count(ConversationTests.IsUserMessage));
        Assert.Single(items, i => i.GetProperty("type").GetString() == "turn_status" && i.GetProperty("status").GetString() == "failed");
        AssertNoConsoleErrorsBut(tab, "status of 502");
    }

    [Fact]
    public async Task The_reply_streams_before_the_turn_answers_and_ends_as_the_stored_reply()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await RecordLiveViewAsync(tab.Page);
        bool? streamedBeforeAnswer = null;
        await tab.Page.RouteAsync(MessagesRoute, async route =>
        {
            var response = await route.FetchAsync();
            // The turn is over on the server; has the page shown its text (and tool call) already?
            streamedBeforeAnswer = await tab.Page.EvaluateAsync<bool>("() => window.__liveText !== undefined && window.__liveTool === true");
            await route.FulfillAsync(new() { Response = response });
        });

        await tab.Chat.SendAsync($"How much baggage can I bring? ({sessionId})");

        Assert.True(streamedBeforeAnswer, "no streamed text or live tool call before the turn's POST answered");
        await Expect(tab.Chat.ByTestId("live-message")).ToHaveCountAsync(0);
        await Expect(tab.Chat.ToolCall("faq_lookup")).ToHaveCountAsync(1);
        var shown = await tab.Chat.AssistantMessages.Last.GetByTestId("message-content").TextContentAsync();
        Assert.Equal(shown, await tab.Page.EvaluateAsync<string>("() => window.__liveText"));
        var items = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
        var reply = items.Last(i => i.GetProperty("type").GetString() == "message").GetProperty("content").GetString();
        Assert.Contains("50 pounds", reply, StringComparison.Ordinal);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_a_turn_shows_the_text_so_far_and_keeps_streaming()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var message = $"{LongStory} ({sessionId})";

        await tab.Chat.Input.FillAsync(message);
        await tab.Chat.Input.PressAsync("Enter");
        var live = tab.Chat.ByTestId("live-message-content");
        await Expect(live).ToContainTextAsync("alpha bravo");
        var before = Squeeze(await live.TextContentAsync());

        await tab.Page.ReloadAsync();

        await Expect(tab.Chat.WorkingIndicator).ToHaveAttributeAsync("data-status", "awaiting");
        await Expect(tab.Chat.UserMessages).ToHaveCountAsync(1);
        await tab.Page.WaitForFunctionAsync(
            "text => (document.querySelector('[data-testid=live-message-content]')?.textContent ?? '').replace(/\\s+/g, '').startsWith(text)",
            before);
        await Expect(tab.Chat.AssistantMessages).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(tab.Chat.ByTestId("live-message")).ToHaveCountAsync(0);
        await Expect(tab.Chat.WorkingIndicator).ToHaveCountAsync(0);
        await Expect(tab.Chat.AssistantMessages.GetByTestId("message-content")).ToContainTextAsync("zulu");
        await Expect(tab.Chat.Input).ToBeEnabledAsync();
        tab.AssertNoConsoleErrors();
    }

    /// <summary>Keeps, in the page, the last text the live bubble showed and whether a live tool call appeared.</summary>
    private static async Task RecordLiveViewAsync(IPage page) =>
        await page.EvaluateAsync(
            """
            () => new MutationObserver(() => {
              const text = document.querySelector('[data-testid=live-message-content]');
              if (text) window.__liveText = text.textContent;
              if (document.querySelector('[data-testid=tool-call][data-live=true]')) window.__liveTool = true;
            }).observe(document.body, { subtree: true, childList: true, characterData: true })
            """);

    private static string Squeeze(string? text) => string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The failed request of the turn is logged by Chromium; nothing else may be.</summary>
    private static void AssertNoConsoleErrorsBut(BrowserTab tab, string expected)
    {
        var unexpected = tab.Console.Errors.Where(e => !e.Contains(expected, StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
        tab.AssertStayedOnLoopback();
    }
}
