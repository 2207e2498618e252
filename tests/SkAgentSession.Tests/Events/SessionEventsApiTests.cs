using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkAgentSession.Events;
using SkAgentSession.Tests.Api;

namespace SkAgentSession.Tests.Events;

/// <summary>
/// <c>GET /api/sessions/{id}/events</c> on the real app, with the event log in memory (appends made
/// directly stand for another replica: this process is not told of them and finds them by polling).
/// </summary>
public sealed class SessionEventsApiTests(ApiHost api) : IClassFixture<ApiHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static string NewSession() => "sse-" + Guid.NewGuid().ToString("N")[..10];

    [Theory]
    [InlineData("api/sessions/bad%20id/events", null, "session id")]
    [InlineData("api/sessions/s1/events", "abc", "Last-Event-ID")]
    [InlineData("api/sessions/s1/events", "-1", "Last-Event-ID")]
    [InlineData("api/sessions/s1/events?after=x", null, "'after'")]
    [InlineData("api/sessions/s1/events?after=1.5", null, "'after'")]
    public async Task Bad_input_is_a_400_problem_naming_what_is_wrong(string path, string? lastEventId, string named)
    {
        await using var stream = await SseTestStream.OpenAsync(api.Client, path, lastEventId);

        Assert.Equal(HttpStatusCode.BadRequest, stream.Response.StatusCode);
        Assert.Equal("application/problem+json", stream.Response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await stream.ReadToEndAsync()).RootElement;
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Resuming_after_an_event_the_log_does_not_have_is_a_409_problem()
    {
        var session = NewSession();
        await api.Events.AppendDirectlyAsync(session, "t1", "a", "b");

        await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{session}/events", "3");

        Assert.Equal(HttpStatusCode.Conflict, stream.Response.StatusCode);
    }

    [Fact]
    public async Task The_stream_is_uncached_event_stream_with_every_stored_event_and_then_the_new_ones()
    {
        var session = NewSession();
        await api.Events.AppendDirectlyAsync(session, "t1", "a", "b");

        await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{session}/events");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", stream.Response.Headers.CacheControl?.ToString());

        await api.Events.AppendDirectlyAsync(session, "t1", "c");
        var events = new List<(long Id, string Type, JsonElement Data)>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(await stream.ReadEventAsync(Timeout));
        }

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal("text.delta", e.Type));
        Assert.Equal(["a", "b", "c"], events.Select(e => e.Data.GetProperty("text").GetString()));
        Assert.Equal(3, events[2].Data.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("2", "")]
    [InlineData(null, "?after=2")]
    [InlineData("2", "?after=0")]
    public async Task A_client_resumes_after_its_last_event_id_header_or_after_parameter(string? lastEventId, string query)
    {
        var session = NewSession();
        await api.Events.AppendDirectlyAsync(session, "t1", "a", "b", "c", "d");

        await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{session}/events{query}", lastEventId);

        Assert.Equal(3, (await stream.ReadEventAsync(Timeout)).Id);
        Assert.Equal(4, (await stream.ReadEventAsync(Timeout)).Id);
    }

    [Fact]
    public async Task Events_stored_by_this_process_wake_its_streams_without_waiting_for_the_poll()
    {
        var session = NewSession();
        await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{session}/events");
        await WaitUntilIdle(session);

        await using var sink = api.Services.GetRequiredService<ITurnEventSinkFactory>().Create(session, "t1");
        var clock = Stopwatch.StartNew();
        sink.Emit(TestEvents.Delta("t1", "fast"));

        Assert.Equal("fast", (await stream.ReadEventAsync(Timeout)).Data.GetProperty("text").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}; the poll interval is 2 s");
    }

    [Fact]
    public async Task Events_this_process_stored_exactly_as_sent_are_handed_to_its_streams_without_a_read()
    {
        var session = NewSession();
        await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{session}/events");
        await WaitUntilIdle(session);
        var readsBefore = api.Events.ReadSessions.Count(s => s == session);

        await using (var sink = api.Services.GetRequiredService<ITurnEventSinkFactory>().Create(session, "t1"))
        {
            sink.Emit(TestEvents.Delta("t1", "handed"));
            await sink.FlushAsync(CancellationToken.None);
        }

        var handed = await stream.ReadEventAsync(Timeout);
        Assert.Equal("handed", handed.Data.GetProperty("text").GetString());
        Assert.Equal(1, handed.Id);
        Assert.Equal(readsBefore, api.Events.ReadSessions.Count(s => s == session));
    }

    [Fact]
    public async Task An_idle_stream_gets_keep_alive_comments()
    {
        await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{NewSession()}/events");

        Assert.Equal([": keep-alive"], await stream.ReadFrameAsync(Timeout));
    }

    [Fact]
    public async Task A_disconnected_client_ends_its_stream_on_the_server()
    {
        var session = NewSession();
        var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{session}/events");
        await WaitUntilIdle(session);

        await stream.DisposeAsync();
        await api.Events.AppendDirectlyAsync(session, "t1", "nobody listens");

        // The server notices when a write fails (the next event or keep-alive), then reads no more.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var reads = api.Events.ReadSessions.Count(s => s == session);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past a poll interval and several keep-alives
        Assert.Equal(reads, api.Events.ReadSessions.Count(s => s == session));
    }

    [Fact]
    public async Task A_log_that_cannot_be_read_at_connect_is_a_503_problem()
    {
        api.Events.FailReads = true;
        try
        {
            await using var stream = await SseTestStream.OpenAsync(api.Client, $"api/sessions/{NewSession()}/events");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stream.Response.StatusCode);
        }
        finally
        {
            api.Events.FailReads = false;
        }
    }

    [Fact]
    public async Task The_endpoint_is_documented_in_the_OpenAPI_document()
    {
        var document = JsonDocument.Parse(await api.Client.GetStringAsync("openapi/v1.json")).RootElement;
        var operation = document.GetProperty("paths").GetProperty("/api/sessions/{id}/events").GetProperty("get");

        Assert.Contains("Server-Sent Events", operation.GetProperty("summary").GetString());
        Assert.Contains("Last-Event-ID", operation.GetProperty("description").GetString());
        Assert.True(operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        var parameters = operation.GetProperty("parameters").EnumerateArray()
            .Select(p => $"{p.GetProperty("in").GetString()}:{p.GetProperty("name").GetString()}")
            .ToList();
        Assert.Contains("header:Last-Event-ID", parameters);
        Assert.Contains("query:after", parameters);
        foreach (var status in new[] { "400", "409", "503" })
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"no {status} response documented");
        }
    }

    // The stream has read the (empty) log and is waiting.
    private async Task WaitUntilIdle(string session)
    {
        for (var i = 0; i < 100 && !api.Events.ReadSessions.Contains(session); i++)
        {
            await Task.Delay(20);
        }

        await Task.Delay(100);
    }
}
