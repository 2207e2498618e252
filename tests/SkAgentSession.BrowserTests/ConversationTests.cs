using System.Text.Json;
using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>The happy path: sessions, the FAQ and seat-change flows, history after a reload.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ConversationTests(BrowserEnvironment env)
{
    private const string BaggageQuestion = "How much baggage can I bring?";

    [Fact]
    public async Task Opening_the_page_starts_a_new_session_with_its_id_in_the_url_and_the_demo_notice()
    {
        await using var tab = await env.OpenTabAsync();

        var sessionId = await tab.Chat.OpenNewSessionAsync();

        Assert.Matches("^[A-Za-z0-9_.-]{1,128}$", sessionId);
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("Triage Agent");
        await Expect(tab.Chat.DemoModelNotice).ToBeVisibleAsync();
        await Expect(tab.Chat.DemoModelNotice).ToContainTextAsync("not a real LLM");
        await Expect(tab.Chat.SessionItem(sessionId)).ToBeVisibleAsync();

        // Another visit to / is another session.
        var second = await tab.Chat.OpenNewSessionAsync();
        Assert.NotEqual(sessionId, second);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_baggage_question_is_answered_by_the_faq_agent_with_a_collapsed_faq_lookup_call()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();

        await tab.Chat.SendAsync(BaggageQuestion);

        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("FAQ Agent");
        await Expect(tab.Chat.UserMessages).ToHaveCountAsync(1);
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync(BaggageQuestion);
        await Expect(tab.Chat.Handoffs).ToHaveCountAsync(1);
        var handoff = tab.Chat.Handoffs.First;
        await Expect(handoff).ToHaveAttributeAsync("data-from", "Triage Agent");
        await Expect(handoff).ToHaveAttributeAsync("data-to", "FAQ Agent");
        await Expect(handoff).ToContainTextAsync("handed off to FAQ Agent");

        var call = tab.Chat.ToolCall("faq_lookup");
        await Expect(call).ToHaveCountAsync(1);
        await Expect(call.GetByTestId("tool-call-name")).ToHaveTextAsync("faq_lookup");
        var arguments = call.GetByTestId("tool-call-arguments");
        var result = call.GetByTestId("tool-call-result");
        await Expect(arguments).ToBeHiddenAsync();
        await Expect(result).ToBeHiddenAsync();

        await call.GetByTestId("tool-call-summary").ClickAsync();

        await Expect(arguments).ToBeVisibleAsync();
        await Expect(arguments).ToContainTextAsync("\"question\"");
        await Expect(arguments).ToContainTextAsync(BaggageQuestion);
        await Expect(result).ToBeVisibleAsync();

        // The FAQ agent answers with what the lookup found, and the screen matches the stored history.
        var reply = tab.Chat.AssistantMessages.Last;
        await Expect(reply).ToHaveAttributeAsync("data-agent", "FAQ Agent");
        await Expect(reply.GetByTestId("message-agent")).ToHaveTextAsync("FAQ Agent");
        var history = await env.GetHistoryAsync(sessionId);
        var items = history.GetProperty("items").EnumerateArray().ToList();
        var storedResult = items.Single(i => i.GetProperty("type").GetString() == "tool_result").GetProperty("result").GetString()!;
        Assert.Contains("bag", storedResult, StringComparison.OrdinalIgnoreCase);
        await Expect(result).ToContainTextAsync(storedResult[..40]);
        await Expect(reply.GetByTestId("message-content")).ToContainTextAsync(items[^1].GetProperty("content").GetString()![..40]);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_seat_change_flow_hands_off_to_seat_booking_and_shows_the_update_seat_call()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();

        await tab.Chat.SendAsync("I want to change my seat");

        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("Seat Booking Agent");
        await Expect(tab.Chat.Handoffs).ToHaveCountAsync(1);
        await Expect(tab.Chat.Handoffs).ToHaveAttributeAsync("data-to", "Seat Booking Agent");
        await Expect(tab.Chat.ToolCall("update_seat")).ToHaveCountAsync(0);
        await Expect(tab.Chat.AssistantMessages.Last).ToContainTextAsync("confirmation number");

        await tab.Chat.SendAsync("My confirmation number is ABC123 and I want seat 12A");

        var call = tab.Chat.ToolCall("update_seat");
        await Expect(call).ToHaveCountAsync(1);
        await Expect(call).ToHaveAttributeAsync("data-agent", "Seat Booking Agent");
        await call.GetByTestId("tool-call-summary").ClickAsync();
        var arguments = call.GetByTestId("tool-call-arguments");
        await Expect(arguments).ToContainTextAsync("ABC123");
        await Expect(arguments).ToContainTextAsync("12A");
        await Expect(call.GetByTestId("tool-call-result")).ToContainTextAsync("12A");
        await Expect(tab.Chat.AssistantMessages.Last).ToContainTextAsync("12A");
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("Seat Booking Agent");

        var history = await env.GetHistoryAsync(sessionId);
        Assert.Equal("Seat Booking Agent", history.GetProperty("agent").GetString());
        Assert.Equal(2, history.GetProperty("items").EnumerateArray().Count(IsUserMessage));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_reload_shows_the_same_history()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await tab.Chat.SendAsync(BaggageQuestion);
        await tab.Chat.SendAsync("I want to change my seat");
        var before = await tab.Chat.TimelineAsync();

        await tab.Page.ReloadAsync();
        await tab.Chat.WaitForHistoryAsync(sessionId);
        await Expect(tab.Chat.AssistantMessages).ToHaveCountAsync(2);

        Assert.Equal(before, await tab.Chat.TimelineAsync());
        Assert.Equal(sessionId, await tab.Chat.SessionIdInUrlAsync());
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("Seat Booking Agent");
        // Everything stored is on screen: tool results are shown inside their calls and a
        // handoff's own function result has no block of its own.
        var stored = (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("type").GetString() != "tool_result");
        Assert.Equal(stored, before.Count);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_session_list_shows_the_sessions_and_switches_between_them()
    {
        await using var tab = await env.OpenTabAsync();
        var first = await tab.Chat.OpenNewSessionAsync();
        await tab.Chat.SendAsync(BaggageQuestion);

        await tab.Chat.ByTestId("new-session-button").ClickAsync();
        await Expect(tab.Chat.ByTestId("welcome")).ToBeVisibleAsync();
        var second = await tab.Chat.SessionIdInUrlAsync();
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        await Expect(tab.Chat.CurrentSessionId).ToHaveTextAsync(second);
        await tab.Chat.SendAsync("I want to change my seat");

        var firstItem = tab.Chat.SessionItem(first);
        var secondItem = tab.Chat.SessionItem(second);
        await Expect(firstItem).ToHaveAttributeAsync("data-agent", "FAQ Agent");
        await Expect(secondItem).ToHaveAttributeAsync("data-agent", "Seat Booking Agent");
        await Expect(secondItem.GetByTestId("session-link")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(firstItem.GetByTestId("session-link")).Not.ToHaveAttributeAsync("aria-current", "page");

        await firstItem.GetByTestId("session-link").ClickAsync();

        await tab.Chat.WaitForHistoryAsync(first);
        Assert.Equal(first, await tab.Chat.SessionIdInUrlAsync());
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync(BaggageQuestion);
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("FAQ Agent");
        await Expect(firstItem.GetByTestId("session-link")).ToHaveAttributeAsync("aria-current", "page");

        await tab.Page.GoBackAsync();

        await tab.Chat.WaitForHistoryAsync(second);
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync("I want to change my seat");
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("Seat Booking Agent");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_restate_ui_links_open_the_sessions_state()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await tab.Chat.SendAsync(BaggageQuestion);

        var info = await env.GetInfoAsync();
        var restateUi = info.GetProperty("restateUiUrl").GetString()!;
        Assert.Equal(env.RestateUiUrl.ToString().TrimEnd('/'), restateUi);
        var expected = $"{restateUi}/virtual-objects/AgentSession/{sessionId}?tab=state";
        await Expect(tab.Chat.StateLink).ToBeVisibleAsync();
        await Expect(tab.Chat.StateLink).ToHaveAttributeAsync("href", expected);
        await Expect(tab.Chat.StateLink).ToHaveAttributeAsync("target", "_blank");
        await Expect(tab.Chat.SessionItem(sessionId).GetByTestId("session-state-link")).ToHaveAttributeAsync("href", expected);
        tab.AssertNoConsoleErrors();
    }

    internal static bool IsUserMessage(JsonElement item) =>
        item.GetProperty("type").GetString() == "message" && item.GetProperty("role").GetString() == "user";
}
