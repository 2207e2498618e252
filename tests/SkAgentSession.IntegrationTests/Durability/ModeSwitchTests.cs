using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Approvals;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Durability;

/// <summary>
/// One session switching durability mode between turns (turn → step → turn): each turn runs in the
/// steps its mode says (seen in the journal of a turn waiting for an approval) and the conversation
/// stays one consistent history.
/// </summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class ModeSwitchTests(SessionEnvironment env)
{
    private static readonly string[] BothApproved = ["approved", "approved"];

    private static readonly string[] BothSeatChanges = ["Updated seat to 12A", "Updated seat to 15C"];

    [Fact]
    public async Task A_session_switching_modes_between_turns_runs_each_turn_in_its_modes_steps_and_keeps_one_history()
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var replies = new List<string>();

        // Turn mode: triage hands off to seat booking, which calls update_seat; all of it one step.
        await env.PutSettingsAsync(session, "turn", approvals: true);
        var firstChange = $"I want to change my seat: ABC123, seat 12A please ({session})";
        var waiting = await flow.AskSeatChangeAsync(firstChange, "12A", "first-" + session);
        var journal = await InvocationJournal.ReadAsync(env.Restate, ApprovalFlow.TurnId(waiting));
        Assert.True(journal.StepNames.SequenceEqual(["agent turn"]), "turn mode waits after one step 'agent turn'; journal:\n" + journal);
        await flow.ApproveAsync(ApprovalFlow.CallId(waiting));
        replies.Add(await ReplyTextAsync(flow, firstChange, "first-" + session));
        Assert.StartsWith("Done! Updated seat to 12A", replies[^1], StringComparison.Ordinal);

        // Step mode: seat booking hands back to triage, which hands off to FAQ, which looks the answer up.
        await env.PutSettingsAsync(session, "step", approvals: true);
        var question = $"Is there wifi? ({session})";
        replies.Add(await SendAsync(session, question));
        Assert.Contains("wifi", replies[^1], StringComparison.OrdinalIgnoreCase);

        // Step mode with a wait: FAQ → triage → seat booking → update_seat, each action its own step.
        var secondChange = $"I want to change my seat: ABC123, seat 15C please ({session})";
        waiting = await flow.AskSeatChangeAsync(secondChange, "15C", "second-" + session);
        var handoffs = HandoffCallIdsAfter(await flow.ItemsAsync(), secondChange);
        Assert.Equal(2, handoffs.Count);
        journal = await InvocationJournal.ReadAsync(env.Restate, ApprovalFlow.TurnId(waiting));
        string[] expectedSteps = ["model request 1", $"handoff {handoffs[0]}", "model request 2", $"handoff {handoffs[1]}", "model request 3"];
        Assert.True(journal.StepNames.SequenceEqual(expectedSteps), $"expected steps {string.Join(", ", expectedSteps)}; journal:\n{journal}");
        await flow.ApproveAsync(ApprovalFlow.CallId(waiting));
        replies.Add(await ReplyTextAsync(flow, secondChange, "second-" + session));
        Assert.StartsWith("Done! Updated seat to 15C", replies[^1], StringComparison.Ordinal);

        // Back to turn mode: seat booking hands back to triage, which answers.
        await env.PutSettingsAsync(session, "turn", approvals: true);
        var thanks = $"Thanks ({session})";
        replies.Add(await SendAsync(session, thanks));
        Assert.StartsWith("You're welcome!", replies[^1], StringComparison.Ordinal);

        AssertOneConsistentHistory(await flow.ItemsAsync(), [firstChange, question, secondChange, thanks], replies);
    }

    private async Task<string> SendAsync(string session, string message)
    {
        using var response = await env.PostMessageAsync(session, message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!;
    }

    private static async Task<string> ReplyTextAsync(ApprovalFlow flow, string message, string key) =>
        (await flow.ReplyAsync(message, key)).GetProperty("reply").GetString()!;

    private static List<string> HandoffCallIdsAfter(List<JsonElement> items, string userMessage)
    {
        var start = items.FindIndex(i => Type(i) == "message" && i.GetProperty("role").GetString() == "user" && i.GetProperty("content").GetString() == userMessage);
        Assert.True(start >= 0, "the user message is not in the history");
        return [.. items.Skip(start).Where(i => Type(i) == "handoff").Select(i => i.GetProperty("callId").GetString()!)];
    }

    /// <summary>
    /// The user messages in order, each answered by the turn's reply as the last assistant message before
    /// the next user message; every call answered exactly once; both approvals approved and both seat changes run.
    /// </summary>
    private static void AssertOneConsistentHistory(List<JsonElement> items, string[] userMessages, List<string> replies)
    {
        var userIndexes = items.Select((item, index) => (item, index))
            .Where(x => Type(x.item) == "message" && x.item.GetProperty("role").GetString() == "user")
            .Select(x => x.index)
            .ToList();
        Assert.Equal(userMessages, userIndexes.Select(i => items[i].GetProperty("content").GetString()!).ToArray());
        for (var turn = 0; turn < userIndexes.Count; turn++)
        {
            var end = turn + 1 < userIndexes.Count ? userIndexes[turn + 1] : items.Count;
            var last = items[end - 1];
            Assert.Equal("message", Type(last));
            Assert.Equal("assistant", last.GetProperty("role").GetString());
            Assert.Equal(replies[turn], last.GetProperty("content").GetString());
        }

        var calls = items.Where(i => Type(i) == "tool_call").Select(i => i.GetProperty("callId").GetString()).ToList();
        var results = items.Where(i => Type(i) == "tool_result").Select(i => i.GetProperty("callId").GetString()).ToList();
        Assert.Equal(calls.Order(), results.Order());
        Assert.Equal(calls.Count, calls.Distinct().Count());
        var handoffs = items.Where(i => Type(i) == "handoff").Select(i => i.GetProperty("callId").GetString()).ToList();
        Assert.Equal(handoffs.Count, handoffs.Distinct().Count());
        Assert.Equal(BothApproved, items.Where(i => Type(i) == "approval_request").Select(i => i.GetProperty("status").GetString()!).ToArray());
        Assert.Equal(
            BothSeatChanges,
            items.Where(i => Type(i) == "tool_result" && i.GetProperty("name").GetString() == "update_seat").Select(i => i.GetProperty("result").GetString()![..19]).ToArray());
    }

    private static string Type(JsonElement item) => item.GetProperty("type").GetString()!;
}
