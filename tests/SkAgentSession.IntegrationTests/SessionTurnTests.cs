using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

[Collection(SharedSessionEnvironment.Name)]
public sealed class SessionTurnTests(SessionEnvironment env)
{
    [Fact]
    public async Task A_turn_is_returned_and_stored_as_readable_json()
    {
        var session = SessionEnvironment.NewSessionId();

        using var response = await env.PostMessageAsync(session, "What is the baggage allowance?");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FAQ Agent", turn.GetProperty("agent").GetString());
        var items = turn.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("user", items[0].GetProperty("role").GetString());
        Assert.Equal("What is the baggage allowance?", items[0].GetProperty("content").GetString());
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "handoff" && i.GetProperty("to").GetString() == "FAQ Agent");
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "tool_call" && i.GetProperty("name").GetString() == "faq_lookup");
        Assert.Contains(items, i => i.GetProperty("type").GetString() == "tool_result");
        Assert.Equal(turn.GetProperty("reply").GetString(), items[^1].GetProperty("content").GetString());

        var history = await env.GetHistoryAsync(session);
        Assert.Equal(session, history.GetProperty("sessionId").GetString());
        Assert.Equal("FAQ Agent", history.GetProperty("agent").GetString());
        Assert.Equal(items.Count, history.GetProperty("items").GetArrayLength());

        // The state itself is readable JSON, as the Restate UI and SQL show it.
        var state = await env.GetStateAsync(session);
        Assert.Equal("\"FAQ Agent\"", state["agent"]);
        using var stored = JsonDocument.Parse(state["history.0"]);
        Assert.Equal(items.Count, JsonDocument.Parse(state["history.header"]).RootElement.GetProperty("count").GetInt32());
        Assert.Equal(items.Count, stored.RootElement.GetArrayLength());
        Assert.Equal("What is the baggage allowance?", stored.RootElement[0].GetProperty("content").GetString());
        Assert.True(stored.RootElement[0].TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task The_active_agent_is_kept_across_turns_and_the_seat_change_calls_update_seat()
    {
        var session = SessionEnvironment.NewSessionId();

        using (var first = await env.PostMessageAsync(session, "I want to change my seat"))
        {
            var turn = await first.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Seat Booking Agent", turn.GetProperty("agent").GetString());
        }

        using var second = await env.PostMessageAsync(session, "My confirmation number is ABC123 and I want seat 12A");
        var result = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Seat Booking Agent", result.GetProperty("agent").GetString());
        var call = result.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("type").GetString() == "tool_call");
        Assert.Equal("update_seat", call.GetProperty("name").GetString());

        var state = await env.GetStateAsync(session);
        using var context = JsonDocument.Parse(state["context"]);
        Assert.Equal("12A", context.RootElement.GetProperty("seatNumber").GetString());
        Assert.Equal("ABC123", context.RootElement.GetProperty("confirmationNumber").GetString());
        Assert.StartsWith("FLT-", context.RootElement.GetProperty("flightNumber").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_shows_the_user_item_while_the_turn_runs()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Hello there #model-slow:1500 {session}";

        var pending = env.PostMessageAsync(session, message);
        var seen = false;
        for (var i = 0; i < 50 && !pending.IsCompleted; i++)
        {
            var history = await env.GetHistoryAsync(session);
            var items = history.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 1 && items[0].GetProperty("content").GetString() == message)
            {
                seen = !pending.IsCompleted;
                break;
            }

            await Task.Delay(100);
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(seen, "getHistory never showed the user item alone while the turn was running");
        Assert.True((await env.GetHistoryAsync(session)).GetProperty("items").GetArrayLength() > 1);
    }

    [Fact]
    public async Task The_same_post_twice_with_one_idempotency_key_runs_one_turn()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Is there wifi on board? {session}";
        var key = Guid.NewGuid().ToString();

        using var first = await env.PostMessageAsync(session, message, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var modelRequestsAfterFirst = env.ModelRequestsFor(message);

        using var second = await env.PostMessageAsync(session, message, key);
        var secondBody = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody, secondBody);
        Assert.True(modelRequestsAfterFirst > 0);
        Assert.Equal(modelRequestsAfterFirst, env.ModelRequestsFor(message));
        var history = await env.GetHistoryAsync(session);
        Assert.Equal(1, history.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("role").GetString() == "user"));
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_idempotency_key_run_one_turn()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"What about baggage? #model-slow:300 {session}";
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => env.PostMessageAsync(session, message, key)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bodies.Distinct());
        var history = await env.GetHistoryAsync(session);
        Assert.Equal(1, history.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("role").GetString() == "user"));
        Assert.Equal(3, env.ModelRequestsFor(message)); // one FAQ turn: handoff, faq_lookup, answer
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Twenty_concurrent_messages_to_one_session_are_all_processed_in_order()
    {
        var session = SessionEnvironment.NewSessionId();
        var messages = Enumerable.Range(1, 20).Select(n => $"Message number {n:D2} for {session}").ToList();

        var posts = new List<Task<HttpResponseMessage>>();
        foreach (var message in messages)
        {
            posts.Add(env.PostMessageAsync(session, message));
            await Task.Delay(25); // they overlap, but reach Restate in this order
        }

        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        var userMessages = items.Where(i => i.GetProperty("role").GetString() == "user").Select(i => i.GetProperty("content").GetString()!).ToList();
        Assert.Equal(messages, userMessages);

        // Each user item is followed by its own turn: the next user item comes only after an assistant reply.
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].GetProperty("role").GetString() == "user" && i > 0)
            {
                Assert.Equal("assistant", items[i - 1].GetProperty("role").GetString());
                Assert.Equal("message", items[i - 1].GetProperty("type").GetString());
            }
        }

        Assert.Equal("message", items[^1].GetProperty("type").GetString());
        Assert.Equal("assistant", items[^1].GetProperty("role").GetString());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Fifty_sessions_run_in_parallel()
    {
        var sessions = Enumerable.Range(0, 50).Select(_ => SessionEnvironment.NewSessionId()).ToList();

        var responses = await Task.WhenAll(sessions.Select(s => env.PostMessageAsync(s, $"Hello from {s}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var session in sessions)
        {
            var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal($"Hello from {session}", items[0].GetProperty("content").GetString());
            Assert.Equal("assistant", items[^1].GetProperty("role").GetString());
        }

        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Delete_clears_the_session_and_the_list_shows_sessions_with_state()
    {
        var kept = SessionEnvironment.NewSessionId();
        var deleted = SessionEnvironment.NewSessionId();
        (await env.PostMessageAsync(kept, "Hi, I am the kept one")).Dispose();
        (await env.PostMessageAsync(deleted, "Hi, delete me")).Dispose();

        using var delete = await env.Api.DeleteAsync($"api/sessions/{deleted}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        Assert.Empty(await env.GetStateAsync(deleted));
        Assert.Equal(0, (await env.GetHistoryAsync(deleted)).GetProperty("items").GetArrayLength());
        var list = await env.Api.GetFromJsonAsync<JsonElement>("api/sessions");
        var ids = list.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()).ToList();
        Assert.Contains(kept, ids);
        Assert.DoesNotContain(deleted, ids);
        var summary = list.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetString() == kept);
        Assert.Equal(2, summary.GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task A_model_that_fails_for_a_while_is_retried_and_the_turn_completes_once()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Hello #model-fail:2:503 {session}";

        using var response = await env.PostMessageAsync(session, message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(1, items.Count(i => i.GetProperty("role").GetString() == "user"));
        Assert.Equal(1, items.Count(i => i.GetProperty("role").GetString() == "assistant" && i.GetProperty("type").GetString() == "message"));
        Assert.Equal(3, env.ModelRequestsFor(message)); // two failures, then the answer
    }

    [Fact]
    public async Task A_model_that_keeps_failing_ends_the_turn_with_a_clear_error_and_keeps_the_user_item()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Hello #model-fail:50:503 {session}";

        using var response = await env.PostMessageAsync(session, message);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("agent turn failed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(message, items[0].GetProperty("content").GetString());
        AssertFailedStatus(items[1]);
        Assert.Equal(3, env.ModelRequestsFor(message)); // the configured attempts, no more
    }

    [Fact]
    public async Task A_rejected_api_key_ends_the_turn_at_once()
    {
        var session = SessionEnvironment.NewSessionId();
        var message = $"Hello #model-fail:5:401 {session}";

        using var response = await env.PostMessageAsync(session, message);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, env.ModelRequestsFor(message));
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        AssertFailedStatus(items[1]);
    }

    [Fact]
    public async Task A_failed_turn_leaves_the_session_usable_and_the_model_never_sees_the_status_item()
    {
        var session = SessionEnvironment.NewSessionId();
        using (var failed = await env.PostMessageAsync(session, $"Hello #model-fail:5:401 {session}"))
        {
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }

        using var next = await env.PostMessageAsync(session, "What is the baggage allowance?");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var items = (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("turn_status", items[1].GetProperty("type").GetString());
        Assert.Equal("assistant", items[^1].GetProperty("role").GetString());
    }

    private static void AssertFailedStatus(JsonElement item)
    {
        Assert.Equal("turn_status", item.GetProperty("type").GetString());
        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("error").GetString()));
    }
}
