using SkAgentSession.Sessions;

namespace SkAgentSession.Api;

/// <summary>The body of <c>GET /api/sessions</c>.</summary>
public sealed record SessionList(IReadOnlyList<SessionSummary> Sessions);
