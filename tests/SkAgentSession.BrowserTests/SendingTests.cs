using System.Collections.Concurrent;
using Microsoft.Playwright;
using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>The composer's keys, the busy state, and what the UI does when a send fails.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SendingTests(BrowserEnvironment env)
{
    private const string MessagesRoute = "**/api/sessions/*/messages";

    [Fact]
    public async Task Enter_sends_and_shift_enter_inserts_a_new_line()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var keyboard = tab.Page.Keyboard;

        await tab.Chat.Input.FocusAsync();
        await keyboard.TypeAsync("First line");
        await keyboard.PressAsync("Shift+Enter");
        await keyboard.TypeAsync("second line");

        await Expect(tab.Chat.Input).ToHaveValueAsync("First line\nsecond line");
        await Expect(tab.Chat.UserMessages).ToHaveCountAsync(0);
        await Expect(tab.Chat.ByTestId("welcome")).ToBeVisibleAsync();

        await keyboard.PressAsync("Enter");

        await tab.Chat.WaitForReplyAsync(0);
        await Expect(tab.Chat.Input).ToHaveValueAsync(string.Empty);
        var items = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("First line\nsecond line", items.Single(ConversationTests.IsUserMessage).GetProperty("content").GetString());
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task While_a_turn_runs_the_message_shows_at_once_and_the_input_is_disabled()
    {
        await using var tab = await env.OpenTabAsync();
        await tab.Chat.OpenNewSessionAsync();
        var message = "Hello, are you there? #model-slow:2000";

        await tab.Chat.Input.FillAsync(message);
        await tab.Chat.Input.PressAsync("Enter");

        var pending = tab.Page.Locator("[data-testid=message][data-role=user][data-pending=true]");
        await Expect(pending).ToHaveCountAsync(1);
        await Expect(pending.GetByTestId("message-content")).ToHaveTextAsync(message);
        await Expect(tab.Chat.WorkingIndicator).ToBeVisibleAsync();
        await Expect(tab.Chat.WorkingIndicator).ToHaveAttributeAsync("data-status", "sending");
        await Expect(tab.Chat.Input).ToBeDisabledAsync();
        await Expect(tab.Chat.SendButton).ToBeDisabledAsync();

        await tab.Chat.WaitForReplyAsync(0);

        // The optimistic message is replaced by the stored one, not duplicated.
        await Expect(tab.Chat.UserMessages).ToHaveCountAsync(1);
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync(message);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_network_failure_on_the_first_send_is_retried_with_the_same_key_and_makes_one_turn()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var message = $"Is there wifi on board? ({sessionId})";
        var keys = new ConcurrentQueue<string?>();
        var failNext = 1;
        await tab.Page.RouteAsync(MessagesRoute, async route =>
        {
            keys.Enqueue(await route.Request.HeaderValueAsync("idempotency-key"));
            if (Interlocked.Exchange(ref failNext, 0) == 1)
            {
                await route.AbortAsync("failed");
                return;
            }

            await route.ContinueAsync();
        });

        await tab.Chat.Input.FillAsync(message);
        await tab.Chat.Input.PressAsync("Enter");

        await Expect(tab.Chat.WorkingIndicator).ToHaveAttributeAsync("data-status", "retrying");
        await tab.Chat.WaitForReplyAsync(0);
        await AssertOneTurnAsync(tab, sessionId, message, keys);
        Assert.True(env.Sessions.ModelRequestsFor(message) > 0);
        tab.AssertNoConsoleErrors(allowNetworkFailures: true);
    }

    [Fact]
    public async Task A_reply_lost_on_the_way_back_is_fetched_again_without_a_second_turn()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var message = $"How much baggage can I bring? ({sessionId})";
        var keys = new ConcurrentQueue<string?>();
        var failNext = 1;
        var modelRequestsOfTheTurn = -1;
        var firstStatus = 0;
        await tab.Page.RouteAsync(MessagesRoute, async route =>
        {
            keys.Enqueue(await route.Request.HeaderValueAsync("idempotency-key"));
            if (Interlocked.Exchange(ref failNext, 0) == 1)
            {
                // The request reaches the app and the turn runs, but the connection breaks before the answer arrives.
                var response = await route.FetchAsync();
                firstStatus = response.Status;
                modelRequestsOfTheTurn = env.Sessions.ModelRequestsFor(message);
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await tab.Chat.Input.FillAsync(message);
        await tab.Chat.Input.PressAsync("Enter");

        await tab.Chat.WaitForReplyAsync(0);
        Assert.Equal(200, firstStatus);
        Assert.True(modelRequestsOfTheTurn > 0, "the first attempt did not reach the model");
        Assert.Equal(modelRequestsOfTheTurn, env.Sessions.ModelRequestsFor(message));
        await AssertOneTurnAsync(tab, sessionId, message, keys);
        await Expect(tab.Chat.ToolCall("faq_lookup")).ToHaveCountAsync(1);
        tab.AssertNoConsoleErrors(allowNetworkFailures: true);
    }

    [Fact]
    public async Task An_api_error_is_shown_in_words_with_retry_and_edit()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var tooLong = new string('a', 33 * 1024);

        await tab.Chat.Input.FillAsync(tooLong);
        await tab.Chat.Input.PressAsync("Enter");

        var errorBox = tab.Chat.ByTestId("error-box");
        await Expect(errorBox).ToBeVisibleAsync();
        await Expect(tab.Chat.ByTestId("error-detail")).ToContainTextAsync("HTTP 400");
        await Expect(tab.Chat.ByTestId("retry-button")).ToBeVisibleAsync();
        Assert.Empty((await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray());

        await tab.Chat.ByTestId("discard-button").ClickAsync();

        await Expect(errorBox).ToHaveCountAsync(0);
        await Expect(tab.Chat.UserMessages).ToHaveCountAsync(0);
        await Expect(tab.Chat.Input).ToHaveValueAsync(tooLong);
        var unexpected = tab.Console.Errors.Where(e => !e.Contains("status of 400", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
    }

    private async Task AssertOneTurnAsync(BrowserTab tab, string sessionId, string message, ConcurrentQueue<string?> keys)
    {
        var attempts = keys.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.False(string.IsNullOrEmpty(attempts[0]), "the UI sent no Idempotency-Key");
        Assert.Equal(attempts[0], attempts[1]);

        await Expect(tab.Chat.UserMessages).ToHaveCountAsync(1);
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync(message);
        await Expect(tab.Chat.AssistantMessages).ToHaveCountAsync(1);
        var items = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(message, items.Single(ConversationTests.IsUserMessage).GetProperty("content").GetString());
        Assert.Single(items, i => i.GetProperty("type").GetString() == "message" && i.GetProperty("role").GetString() == "assistant");
    }
}
