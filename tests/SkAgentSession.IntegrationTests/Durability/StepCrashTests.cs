using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Durability;

/// <summary>
/// A crash of the service in the middle of a step-mode turn re-runs only the step that was in flight:
/// the steps journaled before it are not repeated. Its own Restate and app, since these tests kill the app.
/// </summary>
public sealed class StepCrashTests(SlowStepToolEnvironment env) : IClassFixture<SlowStepToolEnvironment>
{
    [Fact]
    public async Task A_crash_during_a_tool_step_reruns_the_tool_but_not_the_model_request_before_it()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"ABC123, seat 12A please ({session})";
        await HandOffToSeatBookingAsync(session);
        var key = "key-" + session;

        var pending = env.PostMessageAsync(session, message, key);
        await using (var stream = await EventStreamClient.OpenAsync(env.Api, session))
        {
            // update_seat takes 5 s: its tool.call is streamed as its step starts.
            var events = await stream.ReadUntilAsync("tool.call");
            Assert.Equal("update_seat", events[^1].Data.GetProperty("name").GetString());
            Assert.Equal(1, env.ModelRequestsFor(message));
            env.App.Kill();
        }

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        await env.App.StartAsync();

        await AssertReplyAsync(session, message, key);

        // model request 1 (update_seat) was journaled before the crash; model request 2 ran once, after the tool step ran again.
        Assert.Equal(2, env.ModelRequestsFor(message));
        var turn = await LatestTurnEventsAsync(session);
        Assert.Equal(2, turn.Count(e => e.Type == "tool.call"));
        Assert.Equal(1, turn.Count(e => e.Type == "tool.result"));
        Assert.Equal(2, turn.Count(e => e.Type == "model.request"));
        var retry = Assert.Single(turn, e => e.Type == "turn.retrying");
        Assert.Equal(2, retry.Data.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task A_crash_during_the_second_model_request_reruns_that_request_only()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"ABC123, seat 12A please #model-slow:2000 ({session})";
        await HandOffToSeatBookingAsync(session);
        var key = "key-" + session;

        var pending = env.PostMessageAsync(session, message, key);
        await Eventually.HoldsAsync(() => env.ModelRequestsFor(message) == 2, TimeSpan.FromSeconds(30), "the turn never reached its second model request");
        env.App.Kill();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        await env.App.StartAsync();

        await AssertReplyAsync(session, message, key);

        // Request 1 and the update_seat step were journaled before the crash; only request 2 ran again.
        Assert.Equal(3, env.ModelRequestsFor(message));
        var turn = await LatestTurnEventsAsync(session);
        Assert.Equal(1, turn.Count(e => e.Type == "tool.call"));
        Assert.Equal(1, turn.Count(e => e.Type == "tool.result"));
    }

    private async Task HandOffToSeatBookingAsync(string session)
    {
        await env.PutSettingsAsync(session, "step", approvals: false);
        using var handoff = await env.PostMessageAsync(session, "I want to change my seat");
        Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
    }

    private async Task AssertReplyAsync(string session, string message, string key)
    {
        using var response = await env.PostMessageAsync(session, message, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
        Assert.StartsWith("Done! Updated seat to 12A", reply, StringComparison.Ordinal);
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(reply, items[^1].GetProperty("content").GetString());
        Assert.Single(items, i => i.GetProperty("type").GetString() == "tool_result" && i.GetProperty("name").GetString() == "update_seat");
    }

    /// <summary>The events of the session's latest (finished) turn, from its start, as a fresh subscriber gets them.</summary>
    private async Task<List<(long Id, string Type, JsonElement Data)>> LatestTurnEventsAsync(string session)
    {
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        return await stream.ReadUntilAsync("turn.completed");
    }
}
