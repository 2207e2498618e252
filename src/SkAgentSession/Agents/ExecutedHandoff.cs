namespace SkAgentSession.Agents;

/// <summary>The handoff function call that a model call ended with.</summary>
internal sealed record ExecutedHandoff(string CallId, string To);
