using SkAgentSession.Events;

namespace SkAgentSession.Agents;

/// <summary>The inputs of one agent turn.</summary>
/// <param name="History">The stored items so far; ends with the user's message unless <see cref="UserMessage"/> is given.</param>
/// <param name="ActiveAgent">The agent the turn starts with (the one active at the end of the previous turn).</param>
/// <param name="Context">The session context; not modified (the turn works on a copy).</param>
public sealed record AgentTurnRequest<TContext>(
    IReadOnlyList<SessionItem> History,
    string ActiveAgent,
    TContext Context)
    where TContext : class
{
    /// <summary>When set, the runner creates the user item itself and returns it first in the new items.</summary>
    public string? UserMessage { get; init; }

    /// <summary>
    /// Seed of the turn's <see cref="AgentRunContext{TContext}.Random"/>. When null it is derived
    /// from the other inputs, so the same inputs give the same turn.
    /// </summary>
    public int? RandomSeed { get; init; }

    /// <summary>A summary of the items before <see cref="History"/>, which the model sees first.</summary>
    public string? Summary { get; init; }

    /// <summary>Names the turn in its events (<see cref="TurnEvent.TurnId"/>).</summary>
    public string TurnId { get; init; } = "turn";

    /// <summary>
    /// Where the turn reports its events as they happen; nobody by default. The runner only emits:
    /// flushing, and the <c>turn.*</c> events around the turn, are the caller's.
    /// </summary>
    public ITurnEventSink Events { get; init; } = NullTurnEventSink.Instance;
}
