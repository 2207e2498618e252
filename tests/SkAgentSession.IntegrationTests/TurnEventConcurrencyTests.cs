using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>Retried attempts and many sessions streaming at once, against the real restate-server.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class TurnEventConcurrencyTests(SessionEnvironment env)
{
    [Fact]
    public async Task A_retried_attempt_is_announced_with_its_number_and_the_last_attempts_deltas_are_the_reply()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);

        using var response = await env.PostMessageAsync(session, $"Hello #model-fail:2:503 {session}");
        var events = await stream.ReadUntilAsync("turn.completed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([2, 3], events.Where(e => e.Type == "turn.retrying").Select(e => e.Data.GetProperty("attempt").GetInt32()));
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
        Assert.Equal(reply, StreamedTurn.Text(events));
    }

    [Fact]
    public async Task Ten_sessions_stream_their_turns_at_once_each_seeing_only_its_own()
    {
        var sessions = Enumerable.Range(0, 10).Select(_ => SessionEnvironment.NewSessionId()).ToList();
        var streams = await Task.WhenAll(sessions.Select(s => EventStreamClient.OpenAsync(env.Api, s)));
        try
        {
            var posts = sessions.Select(s => env.PostMessageAsync(s, "What is the baggage allowance?")).ToList();
            var reads = await Task.WhenAll(streams.Select(s => s.ReadUntilAsync("turn.completed")));
            var responses = await Task.WhenAll(posts);

            for (var i = 0; i < sessions.Count; i++)
            {
                Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
                var reply = (await responses[i].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString();
                Assert.Equal(reply, StreamedTurn.Text(reads[i]));
                Assert.Single(reads[i].Select(e => e.Data.GetProperty("turnId").GetString()).Distinct());
                responses[i].Dispose();
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
