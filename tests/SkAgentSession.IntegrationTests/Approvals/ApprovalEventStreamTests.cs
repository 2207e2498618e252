using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>A turn that waits for an approval, seen through <c>GET /api/sessions/{id}/events</c>, in both durability modes.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class ApprovalEventStreamTests(SessionEnvironment env)
{
    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task A_waiting_turn_streams_approval_requested_then_approval_resolved_then_its_end_without_retries(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        await flow.PrepareAsync(durability);
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        await stream.ReadUntilAsync("turn.completed"); // the handoff turn, which a fresh subscriber gets first

        var key = "key-" + session;
        var waiting = await flow.AskSeatChangeAsync(key);
        var callId = ApprovalFlow.CallId(waiting);
        var events = await stream.ReadUntilAsync("approval.requested");
        var requested = events[^1].Data;
        Assert.Equal(ApprovalFlow.TurnId(waiting), requested.GetProperty("turnId").GetString());
        Assert.Equal(callId, requested.GetProperty("callId").GetString());
        Assert.Equal("update_seat", requested.GetProperty("name").GetString());
        var arguments = JsonDocument.Parse(requested.GetProperty("arguments").GetString()!).RootElement;
        Assert.Equal("ABC123", arguments.GetProperty("confirmation_number").GetString());
        Assert.Equal("12A", arguments.GetProperty("new_seat").GetString());
        Assert.False(await stream.AnotherEventArrivesWithin(TimeSpan.FromMilliseconds(500)), "the turn went on before the decision");

        await flow.ApproveAsync(callId);
        events.AddRange(await stream.ReadUntilAsync("turn.completed", "turn.failed"));
        var reply = (await flow.ReplyAsync(key)).GetProperty("reply").GetString();

        var types = events.Select(e => e.Type).ToList();
        var order = string.Join(", ", types);
        Assert.Equal("turn.started", types[0]);
        Assert.Equal("turn.completed", types[^1]);
        Assert.Equal(reply, events[^1].Data.GetProperty("reply").GetString());
        StreamedTurn.AssertConsecutive(events);
        Assert.Single(events.Select(e => e.Data.GetProperty("turnId").GetString()).Distinct());
        Assert.DoesNotContain("turn.retrying", types);
        var requestedAt = types.IndexOf("approval.requested");
        var resolvedAt = types.IndexOf("approval.resolved");
        Assert.True(requestedAt >= 0 && resolvedAt > requestedAt, "approval.requested then approval.resolved: " + order);
        Assert.Single(types, t => t == "approval.resolved");
        Assert.Equal("approved", events[resolvedAt].Data.GetProperty("status").GetString());
        Assert.Equal(callId, events[resolvedAt].Data.GetProperty("callId").GetString());
        var toolResultAt = events.FindIndex(e => e.Type == "tool.result" && e.Data.GetProperty("callId").GetString() == callId);
        Assert.True(toolResultAt > resolvedAt, "update_seat's result comes after the decision: " + order);
        Assert.Equal(reply, StreamedTurn.Text(events));
    }
}
