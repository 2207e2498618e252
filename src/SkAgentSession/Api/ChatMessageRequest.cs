namespace SkAgentSession.Api;

/// <summary>The body of <c>POST /api/sessions/{id}/messages</c>.</summary>
public sealed record ChatMessageRequest(string Message);
