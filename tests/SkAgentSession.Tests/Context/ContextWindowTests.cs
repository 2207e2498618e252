using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Context;
using SkAgentSession.Sessions.History;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Context;

/// <summary>Where a summary may end: never inside a turn, and never before the recent items.</summary>
public sealed class ContextWindowTests
{
    private static readonly DateTimeOffset At = ScriptedHarness.Start;
    private static readonly ContextOptions Options = new() { MaxItems = 6, KeepItems = 3 };

    [Fact]
    public void Within_the_budget_nothing_is_summarised()
    {
        Assert.Null(ContextWindow.NextCut(PagedHistory.Of(Turns(1)), summary: null, Options));
    }

    [Fact]
    public void Over_the_budget_the_cut_is_the_latest_user_message_that_keeps_the_recent_items()
    {
        var items = Turns(4); // 4 turns of 4 items: user, tool call, tool result, answer
        var cut = ContextWindow.NextCut(PagedHistory.Of(items), summary: null, Options);

        Assert.Equal(12, cut);
        Assert.IsType<MessageItem>(items[cut!.Value]);
        Assert.True(items.Count - cut >= Options.KeepItems);
    }

    [Fact]
    public void A_tool_call_and_its_result_are_never_on_two_sides_of_the_cut()
    {
        for (var turns = 1; turns < 12; turns++)
        {
            var items = Turns(turns);
            if (ContextWindow.NextCut(PagedHistory.Of(items), summary: null, Options) is { } cut)
            {
                var before = items.Take(cut).ToList();
                Assert.All(before.OfType<ToolCallItem>(), call => Assert.Contains(before, i => i is ToolResultItem r && r.CallId == call.CallId));
                Assert.IsType<MessageItem>(items[cut]);
            }
        }
    }

    [Fact]
    public void Items_already_summarised_do_not_count_against_the_budget()
    {
        var items = Turns(4);
        var summary = new HistorySummary { Text = "s", CoversItems = 12, Timestamp = At };

        Assert.Null(ContextWindow.NextCut(PagedHistory.Of(items), summary, Options));
        Assert.Equal(4, ContextWindow.Visible(PagedHistory.Of(items), summary).Count);
    }

    [Fact]
    public void One_turn_longer_than_the_budget_cannot_be_cut()
    {
        List<SessionItem> items = [MessageItem.FromUser("A", "q", At), .. Enumerable.Range(0, 10).Select(i => MessageItem.FromAssistant("A", $"a{i}", At))];

        Assert.Null(ContextWindow.NextCut(PagedHistory.Of(items), summary: null, Options));
    }

    [Fact]
    public void Options_that_cannot_keep_fewer_items_than_they_allow_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new ContextOptions { MaxItems = 4, KeepItems = 4 }.Validate());
        Assert.Throws<InvalidOperationException>(() => new ContextOptions { MaxItems = 10, KeepItems = 0 }.Validate());
        new ContextOptions { MaxItems = 0, KeepItems = 30 }.Validate();
    }

    /// <summary><paramref name="count"/> turns, each a question, a tool call, its result and the answer.</summary>
    private static List<SessionItem> Turns(int count)
    {
        var arguments = JsonDocument.Parse("{}").RootElement;
        return [.. Enumerable.Range(0, count).SelectMany(n => new SessionItem[]
        {
            MessageItem.FromUser("FAQ Agent", $"question {n}", At),
            new ToolCallItem { Agent = "FAQ Agent", CallId = $"c{n}", Name = "faq_lookup", Arguments = arguments, Timestamp = At },
            new ToolResultItem { Agent = "FAQ Agent", CallId = $"c{n}", Name = "faq_lookup", Result = "r", Timestamp = At },
            MessageItem.FromAssistant("FAQ Agent", $"answer {n}", At),
        })];
    }
}
