using SkAgentSession.Agents;

namespace SkAgentSession.Sessions;

/// <summary>The result of one turn: the final reply, the agent now active, and the turn's new items (the user item first).</summary>
public sealed record ChatReply(string Reply, string Agent, IReadOnlyList<SessionItem> Items);
