using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// The request of <c>read</c>: the events with an id greater than <see cref="After"/>, at most
/// <see cref="Limit"/>; <see cref="FromLatestTurn"/> starts at the first event of the latest turn.
/// </summary>
public sealed record ReadEvents(
    [property: JsonPropertyName("after")] long After,
    [property: JsonPropertyName("limit")] int? Limit = null)
{
    public const long FromLatestTurn = -1;
}
