using SkAgentSession.Agents;

namespace SkAgentSession.Sessions;

/// <summary>A session's whole history and its active agent.</summary>
public sealed record SessionHistory(string SessionId, string Agent, IReadOnlyList<SessionItem> Items);
