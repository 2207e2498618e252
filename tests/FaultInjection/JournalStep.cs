namespace SkAgentSession.FaultInjection;

/// <summary>
/// One durable step (<c>Command: Run</c>) of a turn's invocation in Restate's journal: its name, when the command was
/// journaled, and when its result (the matching <c>Notification: Run</c>) was stored; null when it never was.
/// </summary>
internal sealed record JournalStep(string Name, int CommandIndex, DateTimeOffset JournaledAt, DateTimeOffset? StoredAt, bool StoredAsFailure = false)
{
    /// <summary>
    /// <c>appended_at</c> has millisecond precision, so a stored result is only known to exist from one millisecond
    /// after the value shown: something at <paramref name="time"/> happened after the store if it is that much later.
    /// </summary>
    public static readonly TimeSpan TimestampPrecision = TimeSpan.FromMilliseconds(1);

    public DurableStepKind Kind => DurableStepNames.KindOf(Name);

    /// <summary>Whether the step's result was certainly in the journal at <paramref name="time"/>.</summary>
    public bool WasStoredAt(DateTimeOffset time) => StoredAt is { } stored && time >= stored + TimestampPrecision;
}
