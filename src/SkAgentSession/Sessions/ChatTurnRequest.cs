namespace SkAgentSession.Sessions;

/// <summary>The input of the session's <c>chat</c> handler.</summary>
public sealed record ChatTurnRequest(string? Message);
