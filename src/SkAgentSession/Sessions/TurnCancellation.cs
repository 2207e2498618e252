namespace SkAgentSession.Sessions;

/// <summary>The answer to a stop request: the turn's invocation id, and that it is being cancelled.</summary>
public sealed record TurnCancellation(string TurnId, string Status);
