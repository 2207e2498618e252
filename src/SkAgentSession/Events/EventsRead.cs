using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// The answer of <c>read</c>: the events found, in id order, the log's last id (0 for an empty log),
/// and the position they follow (the request's, or the latest turn's start when it asked for that).
/// </summary>
public sealed record EventsRead(
    [property: JsonPropertyName("events")] IReadOnlyList<TurnEvent> Events,
    [property: JsonPropertyName("lastId")] long LastId,
    [property: JsonPropertyName("after")] long After = 0);
