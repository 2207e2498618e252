namespace SkAgentSession.Sessions;

/// <summary>Why a call to a session failed, as an HTTP status and words for a person.</summary>
public sealed record SessionProblem(int Status, string Title, string Detail);
