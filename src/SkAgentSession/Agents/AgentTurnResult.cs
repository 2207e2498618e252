namespace SkAgentSession.Agents;

/// <summary>
/// Everything a turn produced, as data: the new items in order (the user item first only if the
/// runner created it), the agent that is active at the end (the next turn starts with it), the
/// final reply and the updated context.
/// </summary>
public sealed record AgentTurnResult<TContext>(
    IReadOnlyList<SessionItem> NewItems,
    string ActiveAgent,
    string Reply,
    TContext Context)
    where TContext : class;
