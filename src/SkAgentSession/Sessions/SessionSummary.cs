namespace SkAgentSession.Sessions;

/// <summary>One line of the session list.</summary>
public sealed record SessionSummary(
    string SessionId,
    string Agent,
    int MessageCount,
    string? LastMessage,
    DateTimeOffset? UpdatedAt);
