using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>The layout of the event log in state: numbered events in pages of 256, and a header.</summary>
public sealed class EventLogPagingTests
{
    private readonly MemoryEventLogState _state = new();

    [Fact]
    public async Task Appends_number_events_consecutively_across_page_boundaries()
    {
        var first = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 200));
        var second = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 100, from: 201));

        Assert.Equal(new AppendResult(true, 1, 200, AsSent: true), first);
        Assert.Equal(new AppendResult(true, 201, 300, AsSent: true), second);
        Assert.Equal(Enumerable.Range(1, 256).Select(i => (long)i), _state.Page(0).Select(e => e.Id));
        Assert.Equal(Enumerable.Range(257, 44).Select(i => (long)i), _state.Page(1).Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => "d" + i), _state.Page(0).Concat(_state.Page(1)).Select(e => e.Text));
        Assert.Equal(300, (await _state.GetHeader())!.LastId);
    }

    [Fact]
    public async Task An_append_writes_only_the_last_page_the_pages_it_starts_and_the_header()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 300));
        _state.Writes.Clear();

        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 5));
        Assert.Equal(["events.1", "events.header"], _state.Writes);

        _state.Writes.Clear();
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 600)); // 306–905: fills page 1, page 2 whole, starts page 3
        Assert.Equal(["events.1", "events.2", "events.3", "events.header"], _state.Writes);
        Assert.Equal(905 - (3 * 256), _state.Page(3).Count);
    }

    [Fact]
    public async Task An_append_after_a_full_page_starts_a_new_page_without_reading_or_rewriting_the_full_one()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 256));
        _state.Reads.Clear();
        _state.Writes.Clear();

        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1));

        Assert.Equal(["events.header"], _state.Reads);
        Assert.Equal(["events.1", "events.header"], _state.Writes);
        Assert.Equal(257, Assert.Single(_state.Page(1)).Id);
    }

    [Fact]
    public async Task The_header_is_written_after_the_pages_so_a_reader_never_sees_ids_that_are_not_stored()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 3));
        Assert.Equal("events.header", _state.Writes[^1]);
    }

    [Fact]
    public async Task Read_returns_the_events_after_the_cursor_and_the_last_id()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 600));

        var read = await EventLog.Read(_state, after: 250, limit: 10);

        Assert.Equal(Enumerable.Range(251, 10).Select(i => (long)i), read.Events.Select(e => e.Id));
        Assert.Equal(600, read.LastId);
    }

    [Theory]
    [InlineData(0, 1000, 1, 600)]
    [InlineData(255, 2, 256, 257)]
    [InlineData(256, 256, 257, 512)]
    [InlineData(599, 50, 600, 600)]
    public async Task Read_respects_the_limit_across_pages(long after, int limit, long firstId, long lastId)
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 600));

        var read = await EventLog.Read(_state, after, limit);

        Assert.Equal(firstId, read.Events[0].Id);
        Assert.Equal(lastId, read.Events[^1].Id);
        Assert.Equal(lastId - firstId + 1, read.Events.Count);
    }

    [Fact]
    public async Task Read_loads_only_the_pages_it_returns_events_from()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1000));
        _state.Reads.Clear();

        await EventLog.Read(_state, after: 600, limit: 10);

        Assert.Equal(["events.header", "events.2"], _state.Reads);
    }

    [Fact]
    public async Task Read_at_or_after_the_end_returns_nothing()
    {
        var empty = await EventLog.Read(_state, 0, 10);
        Assert.Empty(empty.Events);
        Assert.Equal(0, empty.LastId);

        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 3));
        var read = await EventLog.Read(_state, 3, 10);
        Assert.Empty(read.Events);
        Assert.Equal(3, read.LastId);
    }

    [Fact]
    public async Task Read_stops_before_a_page_that_is_not_written_yet()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 300));

        // A reader that sees a header ahead of the pages (e.g. mid-append) returns only what is stored.
        _state.SetHeader(new EventLogHeader { LastId = 310, TurnId = "t1", Attempts = ["a1"] });
        var read = await EventLog.Read(_state, 250, 100);

        Assert.Equal(Enumerable.Range(251, 50).Select(i => (long)i), read.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Pages_are_readable_camel_case_json()
    {
        await EventLog.Append(_state, "t1", "a1", [TestEvents.Delta("t1", "Grüße, \"Welt\"")]);

        Assert.Equal(
            """[{"id":1,"type":"text.delta","turnId":"t1","agent":"Triage Agent","text":"Grüße, \"Welt\""}]""",
            _state.Entries["events.0"]);
        Assert.Equal("""{"lastId":1,"turnId":"t1","step":1,"attempts":["a1"],"turnFirstId":1,"turnEnded":false}""", _state.Entries["events.header"]);
    }
}
