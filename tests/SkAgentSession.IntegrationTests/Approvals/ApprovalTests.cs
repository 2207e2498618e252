using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>A tool that needs a person's approval, in both durability modes, against the real restate-server.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class ApprovalTests(SessionEnvironment env)
{
    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task An_approved_seat_change_runs_after_the_decision_and_the_item_says_approved(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var key = "key-" + session;
        var waiting = await flow.StartSeatChangeAsync(durability, key);
        var callId = ApprovalFlow.CallId(waiting);

        var pending = await flow.ApprovalItemAsync(callId);
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.DoesNotContain(await flow.ItemsAsync(), i => i.GetProperty("type").GetString() == "tool_result");

        using (var decision = await flow.DecideAsync(callId, approved: true))
        {
            Assert.Equal(HttpStatusCode.Accepted, decision.StatusCode);
            Assert.Equal("approved", (await decision.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var reply = await flow.ReplyAsync(key);
        Assert.StartsWith("Done! Updated seat to 12A", reply.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Equal("approved", (await flow.ApprovalItemAsync(callId)).GetProperty("status").GetString());
        var result = (await flow.ItemsAsync()).Single(i => i.GetProperty("type").GetString() == "tool_result" && i.GetProperty("callId").GetString() == callId);
        Assert.StartsWith("Updated seat to 12A", result.GetProperty("result").GetString(), StringComparison.Ordinal);

        using var again = await flow.DecideAsync(callId, approved: false);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task A_rejected_seat_change_is_not_run_and_the_model_is_told(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var key = "key-" + session;
        var callId = ApprovalFlow.CallId(await flow.StartSeatChangeAsync(durability, key));

        using (var decision = await flow.DecideAsync(callId, approved: false, comment: "wrong flight"))
        {
            Assert.Equal(HttpStatusCode.Accepted, decision.StatusCode);
        }

        var reply = await flow.ReplyAsync(key);
        Assert.StartsWith("I did not change your seat", reply.GetProperty("reply").GetString(), StringComparison.Ordinal);
        var item = await flow.ApprovalItemAsync(callId);
        Assert.Equal("rejected", item.GetProperty("status").GetString());
        Assert.Equal("wrong flight", item.GetProperty("comment").GetString());
        var result = (await flow.ItemsAsync()).Single(i => i.GetProperty("type").GetString() == "tool_result" && i.GetProperty("callId").GetString() == callId);
        Assert.Contains("wrong flight", result.GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_for_an_unknown_call_is_a_404_and_a_bad_body_a_400()
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);

        using var unknown = await flow.DecideAsync("call_nope", approved: true);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var bad = await env.Api.PostAsJsonAsync($"api/sessions/{session}/approvals/call_nope", new { approved = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'approved' must be true or false", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task A_turn_stopped_while_it_waits_keeps_only_the_message_and_the_next_turn_works(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var key = "key-" + session;
        var callId = ApprovalFlow.CallId(await flow.StartSeatChangeAsync(durability, key));
        var itemsBefore = (await flow.ItemsAsync()).Count;

        using (var stop = await env.Api.PostAsync($"api/sessions/{session}/cancel", content: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }

        using (var stopped = await env.PostMessageAsync(session, flow.SeatChangeMessage, key))
        {
            Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
        }

        var items = await flow.ItemsAsync();
        Assert.Equal(flow.SeatChangeMessage, items[^2].GetProperty("content").GetString());
        Assert.Equal("cancelled", items[^1].GetProperty("status").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("type").GetString() is "approval_request" or "tool_call" && i.GetProperty("callId").GetString() == callId);
        Assert.True(items.Count < itemsBefore, "the waiting turn's items were dropped");
        Assert.DoesNotContain("approval", (await env.GetStateAsync(session)).Keys);

        using var decision = await flow.DecideAsync(callId, approved: true);
        Assert.Equal(HttpStatusCode.NotFound, decision.StatusCode);

        using var next = await env.PostMessageAsync(session, "What is the baggage allowance?");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
