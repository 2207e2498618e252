namespace SkAgentSession.FaultInjection.Tests;

/// <summary>Journals of the FAQ turn of <see cref="TurnSamples.FaqTurnItems"/> (a handoff <c>call_1</c>, then <c>faq_lookup</c> <c>call_2</c>), times in seconds after <see cref="TurnSamples.Start"/>.</summary>
internal static class JournalSamples
{
    /// <summary>Turn mode: <c>now</c>, then <c>agent turn</c> journaled at 0.2 s and stored at <paramref name="storedAt"/>.</summary>
    public static TurnJournal TurnMode(TurnRecord turn, double? storedAt = 4.0) =>
        Journal(turn, ("now", 0.0, 0.1), (DurableStepNames.AgentTurn, 0.2, storedAt));

    /// <summary>
    /// Step mode: model request 1 [0.0, 0.5], handoff call_1 [0.5, 0.6], model request 2 [0.6, 1.2],
    /// tool faq_lookup call_2 [1.2, 1.3], model request 3 [1.3, 3.5] (journaled, stored).
    /// </summary>
    public static TurnJournal StepMode(TurnRecord turn) =>
        Journal(
            turn,
            (DurableStepNames.ModelRequest(1), 0.0, 0.5),
            (DurableStepNames.Handoff("call_1"), 0.5, 0.6),
            (DurableStepNames.ModelRequest(2), 0.6, 1.2),
            (DurableStepNames.Tool("faq_lookup", "call_2"), 1.2, 1.3),
            (DurableStepNames.ModelRequest(3), 1.3, 3.5));

    public static TurnJournal Journal(TurnRecord turn, params (string Name, double JournaledAt, double? StoredAt)[] steps) =>
        new(
            turn.SessionId,
            turn.Message.IdempotencyKey,
            "inv_sample",
            [.. steps.Select((s, i) => new JournalStep(s.Name, 2 * i + 1, At(s.JournaledAt), s.StoredAt is { } stored ? At(stored) : null))]);

    public static DateTimeOffset At(double seconds) => TurnSamples.Start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
