using System.Net;
using System.Text.Json;
using SkAgentSession.Events;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>
/// A session's event log in the real restate-server, filled by the producer from the test process
/// through the ingress and read over the app's SSE endpoint (so the app learns of the events by polling,
/// as a replica that did not produce them would).
/// </summary>
[Collection(SharedSessionEnvironment.Name)]
public sealed class SessionEventStreamTests(SessionEnvironment env) : IDisposable
{
    private readonly EventLogDriver _driver = new(env);

    public void Dispose() => _driver.Dispose();

    private static List<string?> Texts(IEnumerable<(long Id, string Type, JsonElement Data)> events) =>
        [.. events.Select(e => e.Data.GetProperty("text").GetString())];

    [Fact]
    public async Task Emitted_events_stream_in_order_with_ids_1_2_3_across_page_boundaries()
    {
        var session = SessionEnvironment.NewSessionId();
        await _driver.EmitAsync(session, "t1", 300);

        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var events = await stream.ReadAsync(300);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => "d" + i), Texts(events));
        Assert.All(events, e => Assert.Equal("text.delta", e.Type));
        Assert.All(events, e => Assert.Equal(e.Id, e.Data.GetProperty("id").GetInt64()));
        Assert.All(events, e => Assert.Equal("t1", e.Data.GetProperty("turnId").GetString()));

        // One batch per append (how the sink batched the 300 is its own affair), indexed per 256 ids.
        var keys = (await env.Restate.Admin.QueryAsync(
                $"SELECT key FROM state WHERE service_name = '{SessionEventsObject.Name}' AND service_key = '{session}' ORDER BY key"))
            .Select(r => r.GetProperty("key").GetString()!).ToList();
        var batches = keys.Where(k => k.StartsWith("events.batch.", StringComparison.Ordinal)).ToList();
        Assert.Contains("events.batch.1", batches);
        Assert.Equal(["events.header", "events.index.0", "events.index.1"], keys.Except(batches).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_log_stored_in_pages_before_batches_streams_on_with_its_next_events()
    {
        var session = SessionEnvironment.NewSessionId();
        const string legacyPage = """
            [{"id":1,"type":"text.delta","turnId":"t1","agent":"Triage Agent","text":"d1"},
             {"id":2,"type":"text.delta","turnId":"t1","agent":"Triage Agent","text":"d2"}]
            """;
        await ObjectStateWriter.SetStateAsync(env, SessionEventsObject.Name, session, new Dictionary<string, string>
        {
            ["events.0"] = legacyPage,
            ["events.header"] = """{"lastId":2,"turnId":"t1","step":1,"attempts":["a1"],"turnFirstId":1,"turnEnded":false}""",
        });

        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        Assert.Equal(["d1", "d2"], Texts(await stream.ReadAsync(2)));

        await _driver.EmitAsync(session, "t1", 3, from: 3, attemptId: "a1");
        var next = await stream.ReadAsync(3);
        Assert.Equal([3L, 4L, 5L], next.Select(e => e.Id));
        Assert.Equal(["d3", "d4", "d5"], Texts(next));
    }

    [Fact]
    public async Task Events_emitted_while_a_client_watches_arrive_live()
    {
        var session = SessionEnvironment.NewSessionId();
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);

        var reading = stream.ReadAsync(50);
        await _driver.EmitAsync(session, "t1", 50);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => "d" + i), Texts(await reading));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_that_reconnects_gets_exactly_the_events_it_missed(bool useHeader)
    {
        var session = SessionEnvironment.NewSessionId();
        await _driver.EmitAsync(session, "t1", 100);

        long lastSeen;
        await using (var first = await EventStreamClient.OpenAsync(env.Api, session))
        {
            var seen = await first.ReadAsync(40);
            lastSeen = seen[^1].Id;
        }

        // More events (of the next turn) while the client is away.
        await _driver.EmitAsync(session, "t2", 60, from: 101);

        await using var resumed = useHeader
            ? await EventStreamClient.OpenAsync(env.Api, session, lastEventId: lastSeen.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : await EventStreamClient.OpenAsync(env.Api, session, query: $"?after={lastSeen}");
        var rest = await resumed.ReadAsync(120);

        Assert.Equal(40, lastSeen);
        Assert.Equal(Enumerable.Range(41, 120).Select(i => (long)i), rest.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(41, 120).Select(i => "d" + i), Texts(rest));
        Assert.False(await resumed.AnotherEventArrivesWithin(TimeSpan.FromSeconds(1)), "an event was repeated or invented");
    }

    [Fact]
    public async Task A_bad_Last_Event_ID_is_a_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/sessions/{SessionEnvironment.NewSessionId()}/events");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", "twelve");

        using var response = await env.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Last-Event-ID", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_resent_batch_with_the_same_idempotency_key_is_stored_once()
    {
        var session = SessionEnvironment.NewSessionId();
        var batch = new AppendEvents { TurnId = "t1", AttemptId = "a1", Events = [EventLogDriver.Delta("t1", "once")] };

        var first = await _driver.Log.AppendAsync(session, batch, "t1:a1:1", CancellationToken.None);
        var again = await _driver.Log.AppendAsync(session, batch, "t1:a1:1", CancellationToken.None);
        var read = await _driver.Log.ReadAsync(session, new ReadEvents(0), CancellationToken.None);

        Assert.Equal(new AppendResult(true, 1, 1, AsSent: true), first);
        Assert.Equal(first, again);
        Assert.Equal(1, read.LastId);
        Assert.Equal("once", Assert.Single(read.Events).Text);
    }

    [Fact]
    public async Task A_new_attempt_of_a_turn_is_announced_by_turn_retrying_before_its_events()
    {
        var session = SessionEnvironment.NewSessionId();
        await _driver.EmitAsync(session, "t1", 3, attemptId: "first", prefix: "old");
        await _driver.EmitAsync(session, "t1", 2, attemptId: "second", prefix: "new");

        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        var events = await stream.ReadAsync(6);

        Assert.Equal(["text.delta", "text.delta", "text.delta", "turn.retrying", "text.delta", "text.delta"], events.Select(e => e.Type));
        Assert.Equal(2, events[3].Data.GetProperty("attempt").GetInt32());
        Assert.Equal(["new1", "new2"], Texts(events[4..]));
    }

    [Fact]
    public async Task The_log_refuses_a_malformed_batch_with_a_400()
    {
        var batch = new AppendEvents { TurnId = "t1", AttemptId = "a1", Events = [EventLogDriver.Delta("t2", "wrong turn")] };

        var failure = await Assert.ThrowsAsync<SessionEventLogException>(() =>
            _driver.Log.AppendAsync(SessionEnvironment.NewSessionId(), batch, Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Equal(400, failure.Status);
        Assert.False(failure.IsTransient);
        Assert.Contains("turnId", failure.Message);
    }

    [Fact]
    public async Task Several_sessions_stream_at_once_each_with_only_its_own_events()
    {
        var sessions = Enumerable.Range(0, 4).Select(_ => SessionEnvironment.NewSessionId()).ToList();
        var streams = new List<EventStreamClient>();
        try
        {
            foreach (var session in sessions)
            {
                streams.Add(await EventStreamClient.OpenAsync(env.Api, session));
            }

            var reads = streams.Select(s => s.ReadAsync(40)).ToList();
            await Task.WhenAll(sessions.Select(s => _driver.EmitAsync(s, "t1", 40, prefix: s + "-")));

            for (var i = 0; i < sessions.Count; i++)
            {
                var events = await reads[i];
                Assert.Equal(Enumerable.Range(1, 40).Select(n => $"{sessions[i]}-{n}"), Texts(events));
                Assert.Equal(Enumerable.Range(1, 40).Select(n => (long)n), events.Select(e => e.Id));
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
