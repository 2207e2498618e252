using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// A batch of one turn attempt's events for <see cref="SessionEventsObject"/>'s <c>append</c>.
/// The producer makes a new <see cref="AttemptId"/> each time the turn's durable step runs, so the
/// log can tell a retried attempt from more events of the same one.
/// </summary>
public sealed record AppendEvents
{
    [JsonPropertyName("turnId")]
    public string? TurnId { get; init; }

    [JsonPropertyName("attemptId")]
    public string? AttemptId { get; init; }

    /// <summary>
    /// Which durable step of the turn the attempt runs (1, 2, … in order; a turn in one step has only
    /// step 1). A new attempt of the same step is a retry; the first attempt of a later step is not.
    /// </summary>
    [JsonPropertyName("step")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Step { get; init; }

    /// <summary>
    /// The turn's text streamed by its steps before this one. A <c>turn.retrying</c> event for this
    /// attempt carries it, so a client keeps that text and drops only what the retried step streamed.
    /// </summary>
    [JsonPropertyName("textBefore")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TextBefore { get; init; }

    /// <summary>The events in the order they happened; their ids are assigned by the log.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<TurnEvent>? Events { get; init; }
}
