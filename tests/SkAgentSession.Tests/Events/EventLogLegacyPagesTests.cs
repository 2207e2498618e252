using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>
/// Logs written before batches hold their events in pages of 256 (<c>events.0</c>, …) under a header
/// without <c>batchesFrom</c>: they stay readable, and their next events go to batches.
/// </summary>
public sealed class EventLogLegacyPagesTests
{
    private readonly MemoryEventLogState _state = new();

    public EventLogLegacyPagesTests()
    {
        var events = TestEvents.Deltas("t1", 300).Select((e, i) => e with { Id = i + 1 }).ToList();
        _state.SetLegacyPage(0, events[..256]);
        _state.SetLegacyPage(1, events[256..]);
        _state.SetHeader(new EventLogHeader { LastId = 300, TurnId = "t1", Step = 1, Attempts = ["a1"], TurnFirstId = 1 });
        _state.Writes.Clear();
    }

    [Fact]
    public async Task A_log_in_pages_is_read_as_before()
    {
        var read = await EventLog.Read(_state, after: 250, limit: 20);

        Assert.Equal(Enumerable.Range(251, 20).Select(i => "d" + i), read.Events.Select(e => e.Text));
        Assert.Equal(300, read.LastId);
    }

    [Fact]
    public async Task The_next_append_goes_to_a_batch_and_leaves_the_pages_as_they_are()
    {
        var appended = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 5, from: 301));

        Assert.Equal(new AppendResult(true, 301, 305, AsSent: true), appended);
        Assert.Equal(["events.batch.301", "events.index.1", "events.header"], _state.Writes);
        Assert.Equal(301, (await _state.GetHeader())!.BatchesFrom);
    }

    [Fact]
    public async Task A_read_runs_on_from_the_last_page_into_the_batches()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 5, from: 301));
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 5, from: 306));

        var read = await EventLog.Read(_state, after: 290, limit: 100);

        Assert.Equal(Enumerable.Range(291, 20).Select(i => "d" + i), read.Events.Select(e => e.Text));
        Assert.Equal(Enumerable.Range(291, 20).Select(i => (long)i), read.Events.Select(e => e.Id));
    }
}
