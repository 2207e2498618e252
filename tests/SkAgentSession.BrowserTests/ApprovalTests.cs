using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkAgentSession.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>
/// Issue 10 in the chat UI: the session settings popover (durability, approvals) and a seat change
/// that waits for the user's Approve or Reject. The shared app runs without approvals by default,
/// so each test turns them on for its own session, through the UI.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ApprovalTests(BrowserEnvironment env)
{
    private const string SeatDetails = "ABC123, seat 12A";

    [Fact]
    public async Task An_approved_seat_change_shows_the_request_then_the_new_seat_and_approved()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await TurnOnApprovalsAsync(tab, sessionId);

        var request = await AskForSeatChangeAsync(tab);

        await Expect(request.GetByTestId("approval-tool-name")).ToHaveTextAsync("update_seat");
        var arguments = request.GetByTestId("approval-arguments");
        await Expect(arguments).ToContainTextAsync("new seat");
        await Expect(arguments).ToContainTextAsync("12A");
        await Expect(arguments).ToContainTextAsync("ABC123");
        await Expect(tab.Chat.WorkingIndicator).ToHaveAttributeAsync("data-status", "approval");
        await Expect(tab.Chat.ByTestId("stop-button")).ToBeVisibleAsync();
        await Expect(tab.Chat.ByTestId("error-box")).ToHaveCountAsync(0);
        Assert.Equal("pending", (await StoredApprovalAsync(sessionId)).GetProperty("status").GetString());

        var replies = await tab.Chat.AssistantMessages.CountAsync();
        await request.GetByTestId("approval-comment").FillAsync("aisle would be fine too");
        await request.GetByTestId("approval-approve").ClickAsync();

        await tab.Chat.WaitForReplyAsync(replies);
        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync("Updated seat to 12A");
        await Expect(request).ToHaveAttributeAsync("data-status", "approved");
        await Expect(request.GetByTestId("approval-status")).ToHaveTextAsync("Approved");
        await Expect(request.GetByTestId("approval-decided-comment")).ToHaveTextAsync("aisle would be fine too");
        await Expect(tab.Chat.ByTestId("approval-approve")).ToHaveCountAsync(0);
        await Expect(tab.Chat.ToolCall("update_seat")).ToHaveCountAsync(1);
        var stored = await StoredApprovalAsync(sessionId);
        Assert.Equal("approved", stored.GetProperty("status").GetString());
        Assert.Equal("aisle would be fine too", stored.GetProperty("comment").GetString());

        // The history shows the same decided request after a reload.
        await tab.Page.ReloadAsync();
        await tab.Chat.WaitForHistoryAsync(sessionId);
        await Expect(tab.Chat.ByTestId("approval-request")).ToHaveAttributeAsync("data-status", "approved");
        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync("Updated seat to 12A");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_rejected_seat_change_is_not_made_and_the_reply_says_so()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await TurnOnApprovalsAsync(tab, sessionId);
        var request = await AskForSeatChangeAsync(tab);
        var replies = await tab.Chat.AssistantMessages.CountAsync();

        await request.GetByTestId("approval-comment").FillAsync("wrong flight");
        await request.GetByTestId("approval-reject").ClickAsync();

        await tab.Chat.WaitForReplyAsync(replies);
        var reply = tab.Chat.AssistantMessages.Last.GetByTestId("message-content");
        await Expect(reply).ToContainTextAsync("did not change your seat");
        await Expect(reply).Not.ToContainTextAsync("Updated seat");
        await Expect(request).ToHaveAttributeAsync("data-status", "rejected");
        await Expect(request.GetByTestId("approval-status")).ToHaveTextAsync("Rejected");
        await Expect(request.GetByTestId("approval-decided-comment")).ToHaveTextAsync("wrong flight");
        var items = await HistoryItemsAsync(sessionId);
        var result = items.Single(i => i.GetProperty("type").GetString() == "tool_result" && i.GetProperty("name").GetString() == "update_seat");
        Assert.DoesNotContain("Updated seat", result.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal("rejected", (await StoredApprovalAsync(sessionId)).GetProperty("status").GetString());
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_page_reloaded_while_the_turn_waits_shows_the_request_once_and_approving_it_finishes_the_turn()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await TurnOnApprovalsAsync(tab, sessionId);
        await AskForSeatChangeAsync(tab);

        await tab.Page.ReloadAsync();

        var request = tab.Chat.ByTestId("approval-request");
        await Expect(request).ToHaveCountAsync(1);
        await Expect(request).ToHaveAttributeAsync("data-status", "pending");
        await Expect(tab.Chat.WorkingIndicator).ToHaveAttributeAsync("data-status", "approval");
        await request.GetByTestId("approval-approve").ClickAsync();

        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync("Updated seat to 12A", new() { Timeout = 30_000 });
        await Expect(tab.Chat.WorkingIndicator).ToHaveCountAsync(0);
        await Expect(request).ToHaveCountAsync(1);
        await Expect(request).ToHaveAttributeAsync("data-status", "approved");
        await Expect(tab.Chat.ToolCall("update_seat")).ToHaveCountAsync(1);
        await Expect(tab.Chat.ByTestId("live-message")).ToHaveCountAsync(0);
        await Expect(tab.Chat.Input).ToBeEnabledAsync();
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Stop_while_the_turn_waits_for_an_approval_ends_the_turn_without_changing_the_seat()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        await TurnOnApprovalsAsync(tab, sessionId);
        await AskForSeatChangeAsync(tab);

        await tab.Chat.ByTestId("stop-button").ClickAsync();

        await Expect(tab.Chat.ByTestId("turn-stopped")).ToHaveCountAsync(1);
        await Expect(tab.Chat.WorkingIndicator).ToHaveCountAsync(0);
        await Expect(tab.Chat.ByTestId("approval-approve")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("[data-testid=approval-request][data-status=pending]")).ToHaveCountAsync(0);
        await Expect(tab.Chat.Input).ToBeEnabledAsync();
        var items = await HistoryItemsAsync(sessionId);
        Assert.Equal("cancelled", items[^1].GetProperty("status").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("type").GetString() == "tool_result" && i.GetProperty("name").GetString() == "update_seat");

        await tab.Chat.SendAsync("Is there wifi on the plane?");
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("FAQ Agent");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_session_switched_to_step_durability_in_the_ui_answers_messages()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var settings = new SettingsPanel(tab.Chat);
        await settings.OpenAsync();
        await Expect(settings.Durability("turn")).ToBeCheckedAsync();

        await settings.ChooseDurabilityAsync("step");
        await settings.CloseAsync();

        await Expect(tab.Chat.ByTestId("settings-summary")).ToContainTextAsync("Step per call");
        Assert.Equal("step", (await StoredSettingsAsync(sessionId)).GetProperty("durability").GetString());
        await tab.Chat.SendAsync("How much baggage can I bring?");
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("FAQ Agent");
        await Expect(tab.Chat.ToolCall("faq_lookup")).ToHaveCountAsync(1);
        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync("50 pounds");

        // A reload reads the stored setting back.
        await tab.Page.ReloadAsync();
        await tab.Chat.WaitForHistoryAsync(sessionId);
        await Expect(tab.Chat.ByTestId("settings-summary")).ToContainTextAsync("Step per call");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Step_durability_chosen_in_the_ui_runs_the_waiting_turn_in_one_step_per_action()
    {
        await using var tab = await env.OpenTabAsync();
        var sessionId = await tab.Chat.OpenNewSessionAsync();
        var settings = new SettingsPanel(tab.Chat);
        await settings.OpenAsync();
        await settings.ChooseDurabilityAsync("step");
        await settings.SetApprovalsAsync(true);
        await settings.CloseAsync();

        await tab.Chat.Input.FillAsync($"I want to change my seat: {SeatDetails}");
        var answer = await tab.Page.RunAndWaitForResponseAsync(
            () => tab.Chat.Input.PressAsync("Enter"),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Equal(202, answer.Status);
        var turnId = JsonDocument.Parse(await answer.TextAsync()).RootElement.GetProperty("turnId").GetString()!;
        var request = tab.Chat.ByTestId("approval-request");
        await Expect(request).ToHaveAttributeAsync("data-status", "pending");

        var steps = await StepNamesAsync(turnId);
        var handoff = (await HistoryItemsAsync(sessionId)).Single(i => i.GetProperty("type").GetString() == "handoff").GetProperty("callId").GetString();
        Assert.Equal(["model request 1", $"handoff {handoff}", "model request 2"], steps);

        var replies = await tab.Chat.AssistantMessages.CountAsync();
        await request.GetByTestId("approval-approve").ClickAsync();
        await tab.Chat.WaitForReplyAsync(replies);
        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync("Updated seat to 12A");
        tab.AssertNoConsoleErrors();
    }

    /// <summary>The names of the turn's durable steps, from Restate's journal (without the SDK's clock reads).</summary>
    private async Task<List<string>> StepNamesAsync(string turnId)
    {
        var rows = await env.Sessions.Restate.Admin.QueryAsync(
            $"SELECT name FROM sys_journal WHERE id = '{turnId}' AND entry_type = 'Command: Run' ORDER BY index");
        return [.. rows.Select(r => r.GetProperty("name").GetString()!).Where(name => name != "now")];
    }

    private async Task TurnOnApprovalsAsync(BrowserTab tab, string sessionId)
    {
        var settings = new SettingsPanel(tab.Chat);
        await settings.OpenAsync();
        await Expect(settings.Approvals).Not.ToBeCheckedAsync();
        await settings.SetApprovalsAsync(true);
        await settings.CloseAsync();
        Assert.True((await StoredSettingsAsync(sessionId)).GetProperty("approvals").GetBoolean());
    }

    /// <summary>
    /// Hands over to seat booking, gives the details, waits for the message's 202 answer (the turn
    /// waits for a decision), and returns the pending approval request shown.
    /// </summary>
    private static async Task<ILocator> AskForSeatChangeAsync(BrowserTab tab)
    {
        await tab.Chat.SendAsync("I want to change my seat");
        await Expect(tab.Chat.AgentBadge).ToHaveTextAsync("Seat Booking Agent");
        await tab.Chat.Input.FillAsync(SeatDetails);
        var answer = await tab.Page.RunAndWaitForResponseAsync(
            () => tab.Chat.Input.PressAsync("Enter"),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Equal(202, answer.Status);
        Assert.Contains("waiting_for_approval", await answer.TextAsync(), StringComparison.Ordinal);
        var request = tab.Chat.ByTestId("approval-request");
        await Expect(request).ToHaveCountAsync(1);
        await Expect(request).ToHaveAttributeAsync("data-status", "pending");
        await Expect(request.GetByTestId("approval-approve")).ToBeEnabledAsync();
        await Expect(request.GetByTestId("approval-reject")).ToBeEnabledAsync();
        return request;
    }

    private async Task<JsonElement> StoredSettingsAsync(string sessionId) =>
        await env.Sessions.Api.GetFromJsonAsync<JsonElement>($"api/sessions/{sessionId}/settings");

    private async Task<List<JsonElement>> HistoryItemsAsync(string sessionId) =>
        [.. (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray()];

    private async Task<JsonElement> StoredApprovalAsync(string sessionId) =>
        (await HistoryItemsAsync(sessionId)).Single(i => i.GetProperty("type").GetString() == "approval_request");
}
