using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// What <c>append</c> did. <see cref="Stored"/> is false for a batch that was dropped (a superseded
/// attempt, a turn that already ended). <see cref="LastId"/> is the log's last id after the append.
/// <see cref="AsSent"/> is true when the events stored are exactly the batch, in order (no
/// <c>turn.retrying</c> added, nothing left out), so ids FirstId…LastId are the batch's.
/// </summary>
public sealed record AppendResult(
    [property: JsonPropertyName("stored")] bool Stored,
    [property: JsonPropertyName("firstId")] long FirstId,
    [property: JsonPropertyName("lastId")] long LastId,
    [property: JsonPropertyName("asSent")] bool AsSent = false);
