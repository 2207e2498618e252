using System.Text.Json.Serialization;

namespace SkAgentSession.Approvals;

/// <summary>The answer to a decision: which call, and what was decided.</summary>
public sealed record ApprovalResolution(
    [property: JsonPropertyName("callId")] string CallId,
    [property: JsonPropertyName("status")] string Status);
