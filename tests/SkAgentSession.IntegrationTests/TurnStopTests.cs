using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>Stopping a turn with <c>POST /api/sessions/{id}/cancel</c>, against the real restate-server.</summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class TurnStopTests(SessionEnvironment env)
{
    [Fact]
    public async Task Cancelling_when_no_turn_runs_is_a_409_that_says_so()
    {
        var session = SessionEnvironment.NewSessionId();

        using var response = await env.Api.PostAsync($"api/sessions/{session}/cancel", content: null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no turn in progress", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_stopped_during_its_model_call_records_that_it_was_stopped_and_the_next_message_works()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"What is the baggage allowance? #model-slow:30000 {session}";
        var turn = env.PostMessageAsync(session, message);
        await WaitUntilTheModelIsCalledAsync(message);

        using (var stop = await env.Api.PostAsync($"api/sessions/{session}/cancel", content: null))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
            var body = await stop.Content.ReadFromJsonAsync<JsonElement>();
            Assert.StartsWith("inv_", body.GetProperty("turnId").GetString(), StringComparison.Ordinal);
        }

        using (var stopped = await turn.WaitAsync(TimeSpan.FromSeconds(20)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);
            var problem = await stopped.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("stopped", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(message, items[0].GetProperty("content").GetString());
        Assert.Equal("turn_status", items[1].GetProperty("type").GetString());
        Assert.Equal("cancelled", items[1].GetProperty("status").GetString());

        using var next = await env.PostMessageAsync(session, "What is the baggage allowance?");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, env.ModelRequestsFor(message)); // the stopped call was not repeated
    }

    private async Task WaitUntilTheModelIsCalledAsync(string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (env.ModelRequestsFor(message) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the turn never reached its model call");
            await Task.Delay(50);
        }
    }
}
