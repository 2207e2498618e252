using SkAgentSession.Models;

namespace SkAgentSession.Api;

/// <summary>The body of <c>GET /api/info</c>.</summary>
public sealed record AppInfo(ModelInfo Model, string RestateUiUrl, string RestateAdminUrl);
