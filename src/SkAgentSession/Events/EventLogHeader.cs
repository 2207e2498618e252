using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// The small state entry beside the pages: the last id assigned, and the attempts seen of the
/// latest turn (in order), which the retry rule needs.
/// </summary>
public sealed record EventLogHeader
{
    [JsonPropertyName("lastId")]
    public long LastId { get; init; }

    [JsonPropertyName("turnId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TurnId { get; init; }

    [JsonPropertyName("attempts")]
    public IReadOnlyList<string> Attempts { get; init; } = [];
}
