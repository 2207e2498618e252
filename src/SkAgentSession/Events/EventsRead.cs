using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>The answer of <c>read</c>: the events found, in id order, and the log's last id (0 for an empty log).</summary>
public sealed record EventsRead(
    [property: JsonPropertyName("events")] IReadOnlyList<TurnEvent> Events,
    [property: JsonPropertyName("lastId")] long LastId);
