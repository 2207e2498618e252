using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests;

/// <summary>The event log outlives the app process and restate-server; each class gets its own, since these tests restart them.</summary>
public sealed class EventLogDurabilityTests(SessionEnvironment env) : IClassFixture<SessionEnvironment>, IDisposable
{
    private readonly EventLogDriver _driver = new(env);

    public void Dispose() => _driver.Dispose();

    private static List<string?> Texts(IEnumerable<(long Id, string Type, JsonElement Data)> events) =>
        [.. events.Select(e => e.Data.GetProperty("text").GetString())];

    [Fact]
    public async Task Events_of_finished_turns_are_still_there_after_the_app_restarts()
    {
        var session = SessionEnvironment.NewSessionId();
        await _driver.EmitAsync(session, "t1", 20);

        await env.App.RestartAsync();

        await using var stream = await EventStreamClient.OpenAsync(env.Api, session, lastEventId: "5");
        Assert.Equal(Enumerable.Range(6, 15).Select(i => "d" + i), Texts(await stream.ReadAsync(15)));
    }

    [Fact]
    public async Task Events_are_still_there_after_restate_server_restarts_and_an_open_stream_carries_on()
    {
        var session = SessionEnvironment.NewSessionId();
        await _driver.EmitAsync(session, "t1", 20);
        await using var stream = await EventStreamClient.OpenAsync(env.Api, session);
        Assert.Equal(20, (await stream.ReadAsync(20))[^1].Id);

        await env.Restate.StopAsync();
        await env.Restate.RestartAsync();

        await using (var fresh = await EventStreamClient.OpenAsync(env.Api, session))
        {
            Assert.Equal(Enumerable.Range(1, 20).Select(i => "d" + i), Texts(await fresh.ReadAsync(20)));
        }

        await _driver.EmitAsync(session, "t2", 5, prefix: "after");
        var more = await stream.ReadAsync(5);
        Assert.Equal(Enumerable.Range(21, 5).Select(i => (long)i), more.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => "after" + i), Texts(more));
    }
}
