using System.Text.Json.Serialization;

namespace SkAgentSession.Settings;

/// <summary>How a session runs its turns; a change applies from the session's next turn.</summary>
public sealed record SessionSettings
{
    /// <summary><see cref="DurabilityModes.Turn"/> or <see cref="DurabilityModes.Step"/>.</summary>
    [JsonPropertyName("durability")]
    public required string Durability { get; init; }

    /// <summary>When true, tools marked as needing approval wait for a person before they run.</summary>
    [JsonPropertyName("approvals")]
    public required bool Approvals { get; init; }
}
