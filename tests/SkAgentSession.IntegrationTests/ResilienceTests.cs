using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>Crashes and restarts; each test class gets its own Restate and app, since these tests break them.</summary>
public sealed class ResilienceTests(SessionEnvironment env) : IClassFixture<SessionEnvironment>
{
    [Fact]
    public async Task A_turn_interrupted_by_a_crash_of_the_service_completes_once_after_the_restart()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Is there wifi? #model-slow:2000 {session}";

        var key = Guid.NewGuid().ToString();

        // The client's request dies with the app process; like the UI, it re-sends with the same key.
        var pending = env.PostMessageAsync(session, message, key);
        await Eventually.HoldsAsync(() => env.ModelRequestsFor(message) > 0, TimeSpan.FromSeconds(10), "the turn never reached the model");
        env.App.Kill();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        await env.App.StartAsync();

        using var response = await env.PostMessageAsync(session, message, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(1, items.Count(i => i.GetProperty("role").GetString() == "user"));
        Assert.Equal(1, items.Count(i => i.GetProperty("role").GetString() == "assistant" && i.GetProperty("type").GetString() == "message"));
    }

    [Fact]
    public async Task History_survives_a_restart_of_restate_server()
    {
        var session = SessionEnvironment.NewSessionId();
        (await env.PostMessageAsync(session, "What is the baggage allowance?")).Dispose();
        var before = (await env.GetHistoryAsync(session)).GetRawText();

        await env.Restate.StopAsync();
        await env.Restate.RestartAsync();

        Assert.Equal(before, (await env.GetHistoryAsync(session)).GetRawText());
        using var next = await env.PostMessageAsync(session, "Thanks, and is there wifi?");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_stream_resumed_after_a_crash_mid_turn_has_no_gap_or_repeat_and_the_retry_replaces_the_streamed_text()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Is there wifi? #model-slow:2000 {session}";
        var key = Guid.NewGuid().ToString();
        var seen = new List<(long Id, string Type, JsonElement Data)>();
        await using (var stream = await EventStreamClient.OpenAsync(env.Api, session))
        {
            var pending = env.PostMessageAsync(session, message, key);
            seen.AddRange(await stream.ReadUntilAsync("model.request"));
            env.App.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        }

        await env.App.StartAsync();
        using var response = await env.PostMessageAsync(session, message, key);
        await using (var resumed = await EventStreamClient.OpenAsync(env.Api, session, lastEventId: seen[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            seen.AddRange(await resumed.ReadUntilAsync("turn.completed"));
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
        StreamedTurn.AssertConsecutive(seen);
        var retry = seen.FindLastIndex(e => e.Type == "turn.retrying");
        Assert.True(retry > 0, "no turn.retrying after the crash: " + string.Join(", ", seen.Select(e => e.Type)));
        Assert.True(seen[retry].Data.GetProperty("attempt").GetInt32() >= 2);
        Assert.Equal(reply, StreamedTurn.Text(seen));
        Assert.Equal(1, seen.Count(e => e.Type == "turn.started"));
    }

    [Fact]
    public async Task A_stream_open_across_a_restate_restart_mid_turn_sees_the_turn_finish()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Is there wifi? #model-slow:3000 {session}";
        var key = Guid.NewGuid().ToString();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        var pending = env.PostMessageAsync(session, message, key);
        var seen = await stream.ReadUntilAsync("model.request");

        await env.Restate.StopAsync();
        (await pending).Dispose(); // the ingress went away under the request: the client re-sends with its key
        await env.Restate.RestartAsync();
        using var response = await env.PostMessageAsync(session, message, key);
        seen.AddRange(await stream.ReadUntilAsync("turn.completed"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
        StreamedTurn.AssertConsecutive(seen);
        Assert.Equal(reply, StreamedTurn.Text(seen));
    }
}
