using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>
/// The layout of the event log in state: one batch per append under its first id, an index of the
/// batches per range of 256 ids, and a header.
/// </summary>
public sealed class EventLogLayoutTests
{
    private readonly MemoryEventLogState _state = new();

    private async Task AppendInBatches(int total, int batchSize)
    {
        for (var from = 1; from <= total; from += batchSize)
        {
            await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", Math.Min(batchSize, total - from + 1), from));
        }
    }

    [Fact]
    public async Task Appends_number_events_consecutively_each_in_its_own_batch()
    {
        var first = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 200));
        var second = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 100, from: 201));

        Assert.Equal(new AppendResult(true, 1, 200, AsSent: true), first);
        Assert.Equal(new AppendResult(true, 201, 300, AsSent: true), second);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), _state.Batch(1)!.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(201, 100).Select(i => (long)i), _state.Batch(201)!.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => "d" + i), _state.Batch(1)!.Concat(_state.Batch(201)!).Select(e => e.Text));
        Assert.Equal(300, (await _state.GetHeader())!.LastId);
        Assert.Equal([1L, 201L], await _state.GetIndex(0));
        Assert.Equal([201L], await _state.GetIndex(1));
    }

    [Fact]
    public async Task An_append_writes_its_batch_the_index_of_each_range_it_touches_and_the_header()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 300));
        _state.Writes.Clear();

        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 5));
        Assert.Equal(["events.batch.301", "events.index.1", "events.header"], _state.Writes);

        _state.Writes.Clear();
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 250)); // 306–555: ranges 1 and 2
        Assert.Equal(["events.batch.306", "events.index.1", "events.index.2", "events.header"], _state.Writes);
        Assert.Equal([1L, 301L, 306L], await _state.GetIndex(1));
        Assert.Equal([306L], await _state.GetIndex(2));
    }

    [Fact]
    public async Task A_batch_that_starts_a_range_does_not_read_that_range_s_index()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 256));
        _state.Reads.Clear();
        _state.Writes.Clear();

        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1));

        Assert.Equal(["events.header"], _state.Reads);
        Assert.Equal(["events.batch.257", "events.index.1", "events.header"], _state.Writes);
    }

    [Fact]
    public async Task The_bytes_an_append_writes_do_not_grow_with_the_log()
    {
        await AppendInBatches(40, batchSize: 20);
        var early = _state.BytesWritten;
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 20, from: 41));
        early = _state.BytesWritten - early;

        await AppendInBatches(10_000, batchSize: 20);
        var late = _state.BytesWritten;
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 20, from: 41));
        late = _state.BytesWritten - late;

        // The ids grow by a few digits and the range's index by up to 13 numbers; the events are the same.
        Assert.InRange(late, early, early + 300);
    }

    [Fact]
    public async Task The_header_is_written_after_the_events_so_a_reader_never_sees_ids_that_are_not_stored()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 3));
        Assert.Equal("events.header", _state.Writes[^1]);
    }

    [Fact]
    public async Task Read_returns_the_events_after_the_cursor_and_the_last_id()
    {
        await AppendInBatches(600, batchSize: 200);

        var read = await EventLog.Read(_state, after: 250, limit: 10);

        Assert.Equal(Enumerable.Range(251, 10).Select(i => (long)i), read.Events.Select(e => e.Id));
        Assert.Equal(600, read.LastId);
    }

    [Theory]
    [InlineData(0, 1000, 1, 600)]
    [InlineData(149, 2, 150, 151)]
    [InlineData(255, 2, 256, 257)]
    [InlineData(256, 256, 257, 512)]
    [InlineData(599, 50, 600, 600)]
    public async Task Read_respects_the_limit_across_batches_and_ranges(long after, int limit, long firstId, long lastId)
    {
        await AppendInBatches(600, batchSize: 150);

        var read = await EventLog.Read(_state, after, limit);

        Assert.Equal(firstId, read.Events[0].Id);
        Assert.Equal(lastId, read.Events[^1].Id);
        Assert.Equal(lastId - firstId + 1, read.Events.Count);
    }

    [Fact]
    public async Task Read_loads_only_the_index_and_the_batches_it_returns_events_from()
    {
        await AppendInBatches(1000, batchSize: 100);
        _state.Reads.Clear();

        await EventLog.Read(_state, after: 600, limit: 10);

        Assert.Equal(["events.header", "events.index.2", "events.batch.601"], _state.Reads);
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
    public async Task Read_stops_before_a_batch_that_is_not_written_yet()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 300));

        // A reader that sees a header ahead of the batches (e.g. mid-append) returns only what is stored.
        var header = (await _state.GetHeader())!;
        _state.SetHeader(header with { LastId = 310 });
        var read = await EventLog.Read(_state, 250, 100);

        Assert.Equal(Enumerable.Range(251, 50).Select(i => (long)i), read.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Batches_index_and_header_are_readable_camel_case_json()
    {
        await EventLog.Append(_state, "t1", "a1", [TestEvents.Delta("t1", "Grüße, \"Welt\"")]);

        Assert.Equal(
            """[{"id":1,"type":"text.delta","turnId":"t1","agent":"Triage Agent","text":"Grüße, \"Welt\""}]""",
            _state.Entries["events.batch.1"]);
        Assert.Equal("[1]", _state.Entries["events.index.0"]);
        Assert.Equal(
            """{"lastId":1,"turnId":"t1","step":1,"attempts":["a1"],"turnFirstId":1,"turnEnded":false,"batchesFrom":1}""",
            _state.Entries["events.header"]);
    }
}
