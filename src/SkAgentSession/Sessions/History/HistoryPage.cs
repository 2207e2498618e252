using System.Text.Json.Serialization;
using SkAgentSession.Agents;

namespace SkAgentSession.Sessions.History;

/// <summary>
/// A part of a session's history, oldest item first. <see cref="NextBefore"/> asks for the items
/// before it (null at the history's start); <see cref="NextAfter"/> for those after it (null at its end).
/// </summary>
public sealed record HistoryPage(
    [property: JsonPropertyName("sessionId")] string SessionId,
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("items")] IReadOnlyList<SessionItem> Items,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("nextBefore")] int? NextBefore,
    [property: JsonPropertyName("nextAfter")] int? NextAfter);
