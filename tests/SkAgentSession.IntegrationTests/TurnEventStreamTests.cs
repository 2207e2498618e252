using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>Real chat turns seen through <c>GET /api/sessions/{id}/events</c>, against the real restate-server.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class TurnEventStreamTests(SessionEnvironment env)
{
    [Fact]
    public async Task A_turn_streams_its_steps_while_it_runs_and_its_deltas_are_the_stored_reply()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);

        var post = env.PostMessageAsync(session, "What is the baggage allowance?");
        var firstDelta = await stream.ReadUntilAsync("text.delta");
        var postDoneAtFirstDelta = post.IsCompleted;
        var events = firstDelta.Concat(await stream.ReadUntilAsync("turn.completed")).ToList();
        using var response = await post;

        Assert.False(postDoneAtFirstDelta, "the first text.delta arrived only after the turn had returned");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reply = turn.GetProperty("reply").GetString();

        Assert.Equal("turn.started", events[0].Type);
        StreamedTurn.AssertConsecutive(events);
        Assert.Single(events.Select(e => e.Data.GetProperty("turnId").GetString()).Distinct());
        Assert.Contains(events, e => e.Type == "model.request");
        Assert.Contains(events, e => e.Type == "handoff" && e.Data.GetProperty("to").GetString() == "FAQ Agent");
        Assert.Contains(events, e => e.Type == "tool.call" && e.Data.GetProperty("name").GetString() == "faq_lookup");
        Assert.Contains(events, e => e.Type == "tool.result" && e.Data.GetProperty("name").GetString() == "faq_lookup");
        Assert.Equal(reply, StreamedTurn.Text(events));
        Assert.Equal(reply, events[^1].Data.GetProperty("reply").GetString());
        var stored = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().Last();
        Assert.Equal(reply, stored.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_fresh_subscriber_gets_the_latest_turn_from_its_start()
    {
        var session = SessionEnvironment.NewSessionId();
        using (await env.PostMessageAsync(session, "What is the baggage allowance?"))
        {
        }

        using (await env.PostMessageAsync(session, "Is there wifi?"))
        {
        }

        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        var events = await stream.ReadUntilAsync("turn.completed");

        Assert.Equal("turn.started", events[0].Type);
        Assert.Contains("wifi", events[^1].Data.GetProperty("reply").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(await stream.AnotherEventArrivesWithin(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task A_failed_turn_ends_its_stream_with_turn_failed_and_the_error()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);

        using var response = await env.PostMessageAsync(session, $"Hello #model-fail:5:401 {session}");
        var events = await stream.ReadUntilAsync("turn.failed", "turn.completed");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("turn.failed", events[^1].Type);
        Assert.False(string.IsNullOrWhiteSpace(events[^1].Data.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_stopped_turn_ends_its_stream_with_turn_cancelled()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        var post = env.PostMessageAsync(session, $"What is the baggage allowance? #model-slow:30000 {session}");
        await stream.ReadUntilAsync("model.request");

        using (var stop = await env.Api.PostAsync($"api/sessions/{session}/cancel", content: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }

        var events = await stream.ReadUntilAsync("turn.cancelled", "turn.completed", "turn.failed");
        using var response = await post;

        Assert.Equal("turn.cancelled", events[^1].Type);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
