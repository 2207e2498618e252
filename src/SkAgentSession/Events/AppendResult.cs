using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// What <c>append</c> did. <see cref="Stored"/> is false for a batch of a superseded attempt, which
/// is dropped. <see cref="LastId"/> is the log's last id after the append.
/// </summary>
public sealed record AppendResult(
    [property: JsonPropertyName("stored")] bool Stored,
    [property: JsonPropertyName("firstId")] long FirstId,
    [property: JsonPropertyName("lastId")] long LastId);
