using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>How the log tells a retried turn attempt from more events of the same one.</summary>
public sealed class EventLogRetryRuleTests
{
    private readonly MemoryEventLogState _state = new();

    private async Task<List<TurnEvent>> All() => [.. (await EventLog.Read(_state, 0, 1000)).Events];

    [Fact]
    public async Task More_batches_of_the_same_attempt_are_simply_appended()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 2));
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 2, from: 3));

        Assert.All(await All(), e => Assert.Equal(TurnEventTypes.TextDelta, e.Type));
    }

    [Fact]
    public async Task A_new_attempt_of_a_turn_with_events_is_announced_by_turn_retrying_with_its_number()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 2));
        var second = await EventLog.Append(_state, "t1", "a2", TestEvents.Deltas("t1", 1));
        await EventLog.Append(_state, "t1", "a2", TestEvents.Deltas("t1", 1));
        await EventLog.Append(_state, "t1", "a3", TestEvents.Deltas("t1", 1));

        var events = await All();
        Assert.Equal(
            ["text.delta", "text.delta", "turn.retrying", "text.delta", "text.delta", "turn.retrying", "text.delta"],
            events.Select(e => e.Type));
        Assert.Equal([2, 3], events.Where(e => e.Type == TurnEventTypes.TurnRetrying).Select(e => e.Attempt!.Value));
        Assert.All(events, e => Assert.Equal("t1", e.TurnId));
        Assert.Equal(new AppendResult(true, 3, 4), second);
    }

    [Fact]
    public async Task The_first_attempt_of_a_new_turn_is_not_a_retry()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1));
        await EventLog.Append(_state, "t2", "b1", TestEvents.Deltas("t2", 1));

        Assert.DoesNotContain(await All(), e => e.Type == TurnEventTypes.TurnRetrying);
        Assert.Equal(["b1"], (await _state.GetHeader())!.Attempts);
    }

    [Fact]
    public async Task A_late_batch_of_a_superseded_attempt_is_dropped()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1));
        await EventLog.Append(_state, "t1", "a2", TestEvents.Deltas("t1", 1));

        var late = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1));

        Assert.Equal(new AppendResult(false, 4, 3), late);
        Assert.Equal(3, (await All()).Count);
    }

    [Fact]
    public async Task An_empty_batch_changes_nothing()
    {
        await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 1));
        _state.Writes.Clear();

        var result = await EventLog.Append(_state, "t1", "a2", []);

        Assert.Equal(new AppendResult(true, 2, 1), result);
        Assert.Empty(_state.Writes);
    }
}
