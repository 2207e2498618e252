namespace SkAgentSession.Agents;

/// <summary>
/// Everything a turn produced, as data: the new items in order (the user item first only if the
/// runner created it), the agent that is active at the end (the next turn starts with it), the
/// reply and the updated context.
/// </summary>
/// <param name="Reply">
/// <see cref="TurnReply.Of"/> the new items: the final answer's text, preceded by any text the
/// model wrote in responses that called tools. The turn's <c>text.delta</c> events concatenate to it.
/// </param>
public sealed record AgentTurnResult<TContext>(
    IReadOnlyList<SessionItem> NewItems,
    string ActiveAgent,
    string Reply,
    TContext Context)
    where TContext : class;
