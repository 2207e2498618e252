using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>The chat UI as a test sees it, by the <c>data-testid</c>s in ui/README.md.</summary>
internal sealed class ChatPage(IPage page, Uri appUrl)
{
    public IPage Page { get; } = page;

    public ILocator Input => ByTestId("message-input");

    public ILocator SendButton => ByTestId("send-button");

    public ILocator AgentBadge => ByTestId("agent-badge");

    public ILocator CurrentSessionId => ByTestId("current-session-id");

    public ILocator StateLink => ByTestId("restate-state-link");

    public ILocator DemoModelNotice => ByTestId("demo-model-notice");

    public ILocator WorkingIndicator => ByTestId("working-indicator");

    public ILocator Handoffs => ByTestId("handoff");

    public ILocator UserMessages => Page.Locator("[data-testid=message][data-role=user]");

    /// <summary>The text of each user message (without its time).</summary>
    public ILocator UserMessageTexts => UserMessages.GetByTestId("message-content");

    public ILocator AssistantMessages => Page.Locator("[data-testid=message][data-role=assistant]");

    public ILocator SessionItems => ByTestId("session-item");

    public ILocator ToolCall(string name) => Page.Locator($"[data-testid=tool-call][data-tool-name='{name}']");

    public ILocator SessionItem(string sessionId) => Page.Locator($"[data-testid=session-item][data-session-id='{sessionId}']");

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    /// <summary>Opens <c>/</c>, which starts a new session, and returns its id (checked against the URL).</summary>
    public async Task<string> OpenNewSessionAsync()
    {
        await Page.GotoAsync(appUrl.ToString());
        await Expect(ByTestId("welcome")).ToBeVisibleAsync();
        var id = await SessionIdInUrlAsync();
        Assert.False(string.IsNullOrEmpty(id), $"no session id in the URL {Page.Url}");
        await Expect(CurrentSessionId).ToHaveTextAsync(id!);
        return id!;
    }

    /// <summary>Opens <c>/?session=id</c> and waits until its history is shown.</summary>
    public async Task OpenSessionAsync(string sessionId)
    {
        await Page.GotoAsync(new Uri(appUrl, "/?session=" + Uri.EscapeDataString(sessionId)).ToString());
        await WaitForHistoryAsync(sessionId);
    }

    public async Task WaitForHistoryAsync(string sessionId)
    {
        await Expect(CurrentSessionId).ToHaveTextAsync(sessionId);
        await Expect(ByTestId("history-loading")).ToHaveCountAsync(0);
    }

    public async Task<string?> SessionIdInUrlAsync()
    {
        await Page.WaitForURLAsync(url => url.Contains("session=", StringComparison.Ordinal));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(Page.Url).Query);
        return query["session"];
    }

    /// <summary>Types the message, sends it with Enter and waits for the agent's reply to be shown.</summary>
    public async Task SendAsync(string message)
    {
        var repliesBefore = await AssistantMessages.CountAsync();
        await Input.FillAsync(message);
        await Input.PressAsync("Enter");
        await WaitForReplyAsync(repliesBefore);
    }

    /// <summary>Waits until one more assistant message than <paramref name="repliesBefore"/> is shown and nothing is pending.</summary>
    public async Task WaitForReplyAsync(int repliesBefore)
    {
        await Expect(AssistantMessages).ToHaveCountAsync(repliesBefore + 1);
        await Expect(WorkingIndicator).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-testid=message][data-pending]")).ToHaveCountAsync(0);
        await Expect(Input).ToBeEnabledAsync();
    }

    /// <summary>
    /// Every timeline entry as text (kind, role, agent, tool, handoff ends and content), for
    /// comparing what two renderings of one history show.
    /// </summary>
    public async Task<IReadOnlyList<string>> TimelineAsync()
    {
        var entries = await ByTestId("message-list").EvaluateAsync<JsonElement>(
            """
            list => [...list.children].map(li => [
              li.dataset.testid, li.dataset.role, li.dataset.agent, li.dataset.toolName,
              li.dataset.from, li.dataset.to,
              (li.querySelector('[data-testid=message-content]') ?? li).textContent.trim()
            ].map(v => v ?? '').join(' | '))
            """);
        return entries.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>The top of a conversation that starts before the items shown (absent at the history's start).</summary>
    public ILocator OlderHistory => ByTestId("older-history");

    public ILocator LoadEarlierButton => ByTestId("load-earlier-button");

    /// <summary>The history position of each stored entry shown (<c>data-position</c>), top to bottom.</summary>
    public async Task<IReadOnlyList<int>> EntryPositionsAsync()
    {
        var positions = await ByTestId("message-list").EvaluateAsync<int[]>(
            "list => [...list.querySelectorAll(':scope > [data-position]')].map(e => Number(e.dataset.position))");
        return positions;
    }

    /// <summary>Waits until an entry of an item before position <paramref name="position"/> is shown (an earlier page came).</summary>
    public Task WaitForEntryBeforeAsync(int position) =>
        Page.WaitForFunctionAsync(
            "position => Number(document.querySelector('[data-testid=message-list] > [data-position]')?.dataset.position ?? position) < position",
            position);

    /// <summary>Where the entry of the item at <paramref name="position"/> is, in pixels below the top of the conversation's scroll area.</summary>
    public Task<double> EntryOffsetAsync(int position) =>
        ByTestId("conversation").EvaluateAsync<double>(
            "(area, position) => area.querySelector(`:scope [data-position=\"${position}\"]`).getBoundingClientRect().top - area.getBoundingClientRect().top",
            position);

    /// <summary>
    /// Scrolls the conversation to its top at once and tells where the entry of the item at
    /// <paramref name="position"/> is then (as <see cref="EntryOffsetAsync"/>), before the page can react.
    /// </summary>
    public Task<double> ScrollConversationToTopAsync(int position) =>
        ByTestId("conversation").EvaluateAsync<double>(
            """
            (area, position) => {
              area.scrollTo({ top: 0, behavior: 'instant' });
              return area.querySelector(`:scope [data-position="${position}"]`).getBoundingClientRect().top - area.getBoundingClientRect().top;
            }
            """,
            position);

    /// <summary>True when the page is wider than the window (a horizontal scroll bar).</summary>
    public Task<int> HorizontalOverflowAsync() =>
        Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
