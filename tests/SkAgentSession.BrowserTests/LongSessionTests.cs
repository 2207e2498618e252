using System.Collections.Concurrent;
using System.Text.Json;
using SkAgentSession.BrowserTests.Support;
using SkAgentSession.IntegrationTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace SkAgentSession.BrowserTests;

/// <summary>
/// A long session (40 turns) in the chat UI: it opens on the newest page of its history, and the
/// earlier pages load as the view scrolls up or by keyboard, each item once and in order.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LongSessionTests(BrowserEnvironment env)
{
    /// <summary>The UI's page size (ui/src/history/historyReads.ts).</summary>
    private const int PageSize = 50;

    private const int Turns = 40;

    private static readonly SemaphoreSlim CreateOnce = new(1, 1);
    private static string? _longSessionId;

    [Fact]
    public async Task A_long_session_opens_on_its_newest_page_and_scrolling_up_loads_every_earlier_item_once_in_order()
    {
        var sessionId = await LongSessionAsync();
        var items = await ItemsAsync(sessionId);
        await using var tab = await env.OpenTabAsync();

        await tab.Chat.OpenSessionAsync(sessionId);

        // Only the newest page is shown: the entries of the newest 50 items, and they stay so.
        await Expect(tab.Chat.LoadEarlierButton).ToHaveTextAsync("Load earlier messages");
        var newest = TimelineEntries.ForItemsFrom(items, items.Count - PageSize);
        Assert.Equal(newest, await tab.Chat.EntryPositionsAsync());
        await tab.Page.WaitForTimeoutAsync(500);
        Assert.Equal(newest, await tab.Chat.EntryPositionsAsync());

        // Each scroll to the top loads the page before; the entries shown stay where they were.
        var pagesLoaded = 0;
        while (await tab.Chat.OlderHistory.CountAsync() > 0)
        {
            var shownBefore = await tab.Chat.EntryPositionsAsync();
            var firstUser = shownBefore.First(p => IsUserMessage(items[p]));
            var offset = await tab.Chat.ScrollConversationToTopAsync(firstUser);
            await tab.Chat.WaitForEntryBeforeAsync(shownBefore[0]);
            Assert.InRange(await tab.Chat.EntryOffsetAsync(firstUser) - offset, -2, 2);
            pagesLoaded++;
            Assert.True(pagesLoaded <= items.Count / PageSize + 1, "more pages were loaded than the history has");
        }

        Assert.Equal(TimelineEntries.ForItemsFrom(items, 0), await tab.Chat.EntryPositionsAsync());
        await Expect(tab.Chat.UserMessageTexts).ToHaveTextAsync(Questions(Turns));
        Assert.Equal((items.Count - 1) / PageSize, pagesLoaded);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task After_a_reload_earlier_pages_load_by_keyboard_and_a_turn_from_elsewhere_is_read_from_the_newest_part_only()
    {
        var sessionId = await LongSessionAsync();
        await using var tab = await env.OpenTabAsync();
        var historyReads = new ConcurrentQueue<string>();
        tab.Page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (request.Method == "GET" && path == $"/api/sessions/{sessionId}")
            {
                historyReads.Enqueue(new Uri(request.Url).Query);
            }
        };
        await tab.Chat.OpenSessionAsync(sessionId);
        await tab.Page.ReloadAsync();
        await tab.Chat.WaitForHistoryAsync(sessionId);
        var items = await ItemsAsync(sessionId);
        Assert.Equal(TimelineEntries.ForItemsFrom(items, items.Count - PageSize), await tab.Chat.EntryPositionsAsync());

        // The button keeps the focus across loads: Enter, again and again, reaches the first message.
        await tab.Chat.LoadEarlierButton.FocusAsync();
        for (var presses = 0; await tab.Chat.OlderHistory.CountAsync() > 0; presses++)
        {
            Assert.True(presses <= items.Count / PageSize, "Enter did not load the earlier pages");
            await Expect(tab.Chat.LoadEarlierButton).ToHaveAttributeAsync("data-state", "idle");
            await Expect(tab.Chat.LoadEarlierButton).ToBeFocusedAsync();
            var first = (await tab.Chat.EntryPositionsAsync())[0];
            await tab.Page.Keyboard.PressAsync("Enter");
            await tab.Chat.WaitForEntryBeforeAsync(first);
        }

        Assert.Equal(TimelineEntries.ForItemsFrom(items, 0), await tab.Chat.EntryPositionsAsync());
        await Expect(tab.Chat.ByTestId("conversation")).ToBeFocusedAsync();

        // A turn sent elsewhere (slow, so the page sees it run) shows as it runs and once it ends,
        // read from the latest turn on, never as the whole history.
        var question = $"Is there wifi? #model-slow:1500 (elsewhere {Guid.NewGuid():N})";
        var reads = historyReads.Count;
        var sent = env.Sessions.PostMessageAsync(sessionId, question);
        await Expect(tab.Chat.WorkingIndicator).ToBeVisibleAsync();
        await Expect(tab.Chat.UserMessageTexts.Last).ToHaveTextAsync(question);
        using (var response = await sent)
        {
            response.EnsureSuccessStatusCode();
        }

        await Expect(tab.Chat.WorkingIndicator).ToHaveCountAsync(0);
        var after = await ItemsAsync(sessionId);
        await Expect(tab.Chat.AssistantMessages.Last.GetByTestId("message-content")).ToContainTextAsync(after[^1].GetProperty("content").GetString()![..30]);
        Assert.Equal(TimelineEntries.ForItemsFrom(after, 0), await tab.Chat.EntryPositionsAsync());
        var refreshes = historyReads.Skip(reads).ToList();
        Assert.NotEmpty(refreshes);
        Assert.All(refreshes, query => Assert.Matches("^\\?limit=50&after=\\d+$", query));
        tab.AssertNoConsoleErrors();
    }

    private static string[] Questions(int count) =>
        Enumerable.Range(1, count).Select(n => $"Is there wifi? ({n})").ToArray();

    private static bool IsUserMessage(JsonElement item) =>
        item.GetProperty("type").GetString() == "message" && item.GetProperty("role").GetString() == "user";

    private async Task<List<JsonElement>> ItemsAsync(string sessionId) =>
        (await env.GetHistoryAsync(sessionId)).GetProperty("items").EnumerateArray().ToList();

    /// <summary>One session of 40 FAQ turns for the tests of this class, made through the HTTP API.</summary>
    private async Task<string> LongSessionAsync()
    {
        await CreateOnce.WaitAsync();
        try
        {
            if (_longSessionId is null)
            {
                var sessionId = SessionEnvironment.NewSessionId();
                foreach (var question in Questions(Turns))
                {
                    using var response = await env.Sessions.PostMessageAsync(sessionId, question);
                    response.EnsureSuccessStatusCode();
                }

                var items = await ItemsAsync(sessionId);
                Assert.True(items.Count > 3 * PageSize, $"40 turns made only {items.Count} items");
                _longSessionId = sessionId;
            }

            return _longSessionId;
        }
        finally
        {
            CreateOnce.Release();
        }
    }
}
