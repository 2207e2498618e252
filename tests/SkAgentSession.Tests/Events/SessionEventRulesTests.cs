using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

public sealed class SessionEventRulesTests
{
    private static AppendEvents Batch(params TurnEvent[] events) => new() { TurnId = "t1", AttemptId = "a1", Events = events };

    [Fact]
    public void A_well_formed_batch_is_accepted() =>
        Assert.Null(SessionEventRules.CheckAppend(Batch(TestEvents.Delta("t1", "hi"))));

    [Fact]
    public void A_batch_without_ids_or_events_is_refused()
    {
        Assert.Contains("turnId", SessionEventRules.CheckAppend(Batch() with { TurnId = null }));
        Assert.Contains("attemptId", SessionEventRules.CheckAppend(Batch() with { AttemptId = "has space" }));
        Assert.Contains("events", SessionEventRules.CheckAppend(Batch() with { Events = null }));
        Assert.NotNull(SessionEventRules.CheckAppend(null));
    }

    [Fact]
    public void Events_of_another_turn_or_with_a_type_that_could_break_the_stream_are_refused()
    {
        Assert.Contains("Event 0: its turnId", SessionEventRules.CheckAppend(Batch(TestEvents.Delta("t2", "x"))));
        Assert.Contains("type", SessionEventRules.CheckAppend(Batch(TestEvents.Delta("t1", "x") with { Type = "text\ndata: forged" })));
        Assert.Contains("agent", SessionEventRules.CheckAppend(Batch(TestEvents.Delta("t1", "x") with { Agent = "" })));
    }

    [Fact]
    public void A_batch_larger_than_the_limit_is_refused() =>
        Assert.Contains("limit", SessionEventRules.CheckAppend(Batch([.. TestEvents.Deltas("t1", SessionEventRules.MaxEventsPerAppend + 1)])));

    [Theory]
    [InlineData(0, null, true)]
    [InlineData(5, 1, true)]
    [InlineData(5, 1000, true)]
    [InlineData(-1, null, true)]
    [InlineData(-2, null, false)]
    [InlineData(0, 0, false)]
    [InlineData(0, 1001, false)]
    public void Reads_need_a_cursor_of_0_or_more_and_a_sensible_limit(long after, int? limit, bool valid) =>
        Assert.Equal(valid, SessionEventRules.CheckRead(new ReadEvents(after, limit)) is null);
}
