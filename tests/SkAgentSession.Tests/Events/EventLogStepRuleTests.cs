using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>A turn in several durable steps: attempts count per step, and a step never goes back.</summary>
public sealed class EventLogStepRuleTests
{
    private readonly MemoryEventLogState _state = new();

    private async Task<List<TurnEvent>> All() => [.. (await EventLog.Read(_state, 0, 1000)).Events];

    [Fact]
    public async Task The_first_attempt_of_a_later_step_is_not_a_retry()
    {
        await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);
        await EventLog.Append(_state, "t1", "s2a", TestEvents.Deltas("t1", 1), step: 2);
        await EventLog.Append(_state, "t1", "s3a", TestEvents.Deltas("t1", 1), step: 3);

        Assert.Equal(["text.delta", "text.delta", "text.delta"], (await All()).Select(e => e.Type));
        var header = (await _state.GetHeader())!;
        Assert.Equal(3, header.Step);
        Assert.Equal(["s3a"], header.Attempts);
    }

    [Fact]
    public async Task A_second_attempt_of_a_step_is_a_retry_numbered_within_that_step()
    {
        await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);
        await EventLog.Append(_state, "t1", "s2a", TestEvents.Deltas("t1", 1), step: 2);
        await EventLog.Append(_state, "t1", "s2b", TestEvents.Deltas("t1", 1), step: 2);

        var events = await All();
        Assert.Equal(["text.delta", "text.delta", "turn.retrying", "text.delta"], events.Select(e => e.Type));
        Assert.Equal(2, events[2].Attempt);
    }

    [Fact]
    public async Task A_late_batch_of_an_earlier_step_is_dropped()
    {
        await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);
        await EventLog.Append(_state, "t1", "s2a", TestEvents.Deltas("t1", 1), step: 2);

        var late = await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);

        Assert.False(late.Stored);
        Assert.Equal(2, (await All()).Count);
    }

    [Fact]
    public async Task Events_of_the_handler_between_steps_keep_the_step_and_its_attempts()
    {
        await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);
        await EventLog.Append(_state, "t1", null, [new TurnEvent { Type = TurnEventTypes.ApprovalRequested, TurnId = "t1", Agent = "a" }]);
        await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);

        Assert.Equal(["text.delta", "approval.requested", "text.delta"], (await All()).Select(e => e.Type));
        Assert.Equal(1, (await _state.GetHeader())!.Step);
    }

    [Fact]
    public async Task A_retry_of_a_later_step_carries_the_text_of_the_steps_before_it()
    {
        await EventLog.Append(_state, "t1", "s1a", TestEvents.Deltas("t1", 1), step: 1);
        await EventLog.Append(_state, "t1", "s2a", TestEvents.Deltas("t1", 1), step: 2, textBefore: "Let me check.");
        await EventLog.Append(_state, "t1", "s2b", TestEvents.Deltas("t1", 1), step: 2, textBefore: "Let me check.");

        var retrying = Assert.Single(await All(), e => e.Type == TurnEventTypes.TurnRetrying);
        Assert.Equal("Let me check.", retrying.Text);
    }
}
