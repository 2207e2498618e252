using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkAgentSession.IntegrationTests.Approvals;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Durability;

/// <summary>
/// The same conversation in a <c>turn</c> session and a <c>step</c> session: same replies, same stored
/// items, but for timestamps and the flight number. The handoff to seat booking draws the flight
/// number from a random source seeded by the turn's inputs, which include the history's timestamps,
/// so two sessions get different numbers whatever their mode.
/// </summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed partial class ModeParityTests(SessionEnvironment env)
{
    private const string Question = "What is the baggage allowance?";
    private const string SeatRequest = "I want to change my seat";
    private const string SeatDetails = "ABC123, seat 12A please";

    [Fact]
    public async Task A_conversation_with_handoffs_a_tool_call_and_an_approved_seat_change_is_the_same_in_both_modes()
    {
        var inTurns = await RunConversationAsync("turn");
        var inSteps = await RunConversationAsync("step");

        Assert.Equal(inTurns.Replies, inSteps.Replies);
        Assert.Equal(inTurns.Items, inSteps.Items);

        // The conversation does what it is meant to, so the comparison covers handoffs, a tool call and an approval.
        Assert.Contains(inTurns.Items, i => i.Contains("\"type\":\"handoff\"", StringComparison.Ordinal));
        Assert.Contains(inTurns.Items, i => i.Contains("\"name\":\"faq_lookup\"", StringComparison.Ordinal) && i.Contains("\"type\":\"tool_result\"", StringComparison.Ordinal));
        Assert.Contains(inTurns.Items, i => i.Contains("\"type\":\"approval_request\"", StringComparison.Ordinal) && i.Contains("\"status\":\"approved\"", StringComparison.Ordinal));
        Assert.StartsWith("Done! Updated seat to 12A", inTurns.Replies[^1], StringComparison.Ordinal);
    }

    /// <summary>The replies, and the stored items as JSON without their timestamps.</summary>
    private async Task<(List<string> Replies, List<string> Items)> RunConversationAsync(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        await env.PutSettingsAsync(session, durability, approvals: true);
        var replies = new List<string> { await SendAsync(session, Question), await SendAsync(session, SeatRequest) };

        var key = "key-" + session;
        var waiting = await flow.AskSeatChangeAsync(SeatDetails, "12A", key);
        await flow.ApproveAsync(ApprovalFlow.CallId(waiting));
        replies.Add((await flow.ReplyAsync(SeatDetails, key)).GetProperty("reply").GetString()!);

        return ([.. replies.Select(WithoutFlightNumber)], [.. (await flow.ItemsAsync()).Select(WithoutTimestamp).Select(WithoutFlightNumber)]);
    }

    private async Task<string> SendAsync(string session, string message)
    {
        using var response = await env.PostMessageAsync(session, message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!;
    }

    private static string WithoutFlightNumber(string text) => FlightNumber().Replace(text, "FLT-nnn");

    private static string WithoutTimestamp(JsonElement item)
    {
        var node = JsonNode.Parse(item.GetRawText())!.AsObject();
        Assert.True(node.Remove("timestamp"), "an item without a timestamp: " + item.GetRawText());
        return node.ToJsonString();
    }

    [GeneratedRegex("FLT-[0-9]+")]
    private static partial Regex FlightNumber();
}
