using System.Text.Json.Serialization;

namespace SkAgentSession.Approvals;

/// <summary>
/// The approval a session's turn waits for, kept in the session's state (key <c>approval</c>) while
/// it waits: which call, and the awakeable that the decision resolves.
/// </summary>
public sealed record PendingApproval
{
    public const string StateKey = "approval";

    [JsonPropertyName("turnId")]
    public required string TurnId { get; init; }

    [JsonPropertyName("callId")]
    public required string CallId { get; init; }

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The call's arguments as JSON text.</summary>
    [JsonPropertyName("arguments")]
    public required string Arguments { get; init; }

    [JsonPropertyName("awakeableId")]
    public required string AwakeableId { get; init; }
}
