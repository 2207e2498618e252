using System.Net;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>Stopping a turn while one of its tools runs, against the real restate-server.</summary>
public sealed class ToolCallStopTests(SlowToolEnvironment env) : IClassFixture<SlowToolEnvironment>
{
    [Fact]
    public async Task A_turn_stopped_during_a_tool_call_stores_no_result_and_the_session_goes_on()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        var post = env.PostMessageAsync(session, "What is the baggage allowance?");
        await stream.ReadUntilAsync("tool.call");

        using (var stop = await env.Api.PostAsync($"api/sessions/{session}/cancel", content: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }

        var events = await stream.ReadUntilAsync("turn.cancelled", "turn.completed", "turn.failed");
        using var stopped = await post.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
        Assert.Equal("turn.cancelled", events[^1].Type);
        Assert.DoesNotContain(events, e => e.Type == "tool.result");
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["message", "turn_status"], items.Select(i => i.GetProperty("type").GetString()));
        Assert.Equal("cancelled", items[1].GetProperty("status").GetString());
    }
}
