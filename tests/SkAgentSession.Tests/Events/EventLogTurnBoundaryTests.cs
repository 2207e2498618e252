using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>Where a turn starts and ends in the log: what a fresh subscriber sees first, and what comes too late.</summary>
public sealed class EventLogTurnBoundaryTests
{
    private readonly MemoryEventLogState _state = new();

    private static TurnEvent Of(string type, string turnId) => new() { Type = type, TurnId = turnId, Agent = "Triage Agent" };

    [Fact]
    public async Task A_read_from_the_latest_turn_starts_at_that_turns_first_event()
    {
        await EventLog.Append(_state, "t1", "a1", [Of(TurnEventTypes.TurnStarted, "t1"), .. TestEvents.Deltas("t1", 3)]);
        await EventLog.Append(_state, "t1", null, [Of(TurnEventTypes.TurnCompleted, "t1")]);
        await EventLog.Append(_state, "t2", "b1", [Of(TurnEventTypes.TurnStarted, "t2"), .. TestEvents.Deltas("t2", 2)]);

        var read = await EventLog.Read(_state, ReadEvents.FromLatestTurn, 100);

        Assert.Equal(5, read.After);
        Assert.Equal([6L, 7, 8], read.Events.Select(e => e.Id));
        Assert.All(read.Events, e => Assert.Equal("t2", e.TurnId));
    }

    [Fact]
    public async Task A_read_from_the_latest_turn_of_an_empty_log_starts_at_the_beginning()
    {
        var read = await EventLog.Read(_state, ReadEvents.FromLatestTurn, 100);

        Assert.Equal(0, read.After);
        Assert.Empty(read.Events);
    }

    [Fact]
    public async Task Batches_of_a_turn_that_already_ended_are_dropped()
    {
        await EventLog.Append(_state, "t1", "a1", [Of(TurnEventTypes.TurnStarted, "t1")]);
        await EventLog.Append(_state, "t1", null, [Of(TurnEventTypes.TurnCancelled, "t1")]);

        // A stopped step's last batch arriving after the handler recorded the cancellation.
        var late = await EventLog.Append(_state, "t1", "a1", TestEvents.Deltas("t1", 2));

        Assert.False(late.Stored);
        Assert.Equal(
            [TurnEventTypes.TurnStarted, TurnEventTypes.TurnCancelled],
            (await EventLog.Read(_state, 0, 100)).Events.Select(e => e.Type));
    }

    [Fact]
    public async Task The_handlers_own_events_are_no_attempt_and_a_retry_does_not_start_the_turn_twice()
    {
        await EventLog.Append(_state, "t1", "a1", [Of(TurnEventTypes.TurnStarted, "t1"), .. TestEvents.Deltas("t1", 1)]);
        await EventLog.Append(_state, "t1", "a2", [Of(TurnEventTypes.TurnStarted, "t1"), .. TestEvents.Deltas("t1", 1)]);
        await EventLog.Append(_state, "t1", null, [Of(TurnEventTypes.TurnCompleted, "t1")]);

        Assert.Equal(
            [TurnEventTypes.TurnStarted, TurnEventTypes.TextDelta, TurnEventTypes.TurnRetrying, TurnEventTypes.TextDelta, TurnEventTypes.TurnCompleted],
            (await EventLog.Read(_state, 0, 100)).Events.Select(e => e.Type));
    }
}
