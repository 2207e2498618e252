using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// Something that happened in a turn, as the session's event stream shows it (the JSON <c>data:</c>
/// of one Server-Sent Event). <see cref="Id"/> is the event's position in the session's stream:
/// assigned when the event is stored, it only grows. The other fields are set as the type needs.
/// </summary>
public sealed record TurnEvent
{
    /// <summary>The position in the session's stream; 0 until the event is stored.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>One of <see cref="TurnEventTypes"/>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The turn the event belongs to.</summary>
    [JsonPropertyName("turnId")]
    public required string TurnId { get; init; }

    /// <summary>The agent that was active when it happened.</summary>
    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    /// <summary><c>text.delta</c>: the next piece of the reply.</summary>
    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary><c>tool.call</c> / <c>tool.result</c>: the call's id, its function and arguments (JSON), or its result.</summary>
    [JsonPropertyName("callId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CallId { get; init; }

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonPropertyName("arguments")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Arguments { get; init; }

    [JsonPropertyName("result")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Result { get; init; }

    /// <summary><c>handoff</c>: the agent the conversation went to (<see cref="Agent"/> is the one it came from).</summary>
    [JsonPropertyName("to")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    /// <summary><c>model.request</c>: the request's number within the turn (1, 2, …); <c>turn.retrying</c>: the new attempt's number (2, 3, …).</summary>
    [JsonPropertyName("attempt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Attempt { get; init; }

    /// <summary><c>turn.failed</c>: what went wrong, with secrets redacted.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary><c>turn.completed</c>: the stored reply (equal to the turn's deltas, concatenated).</summary>
    [JsonPropertyName("reply")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reply { get; init; }

    /// <summary><c>approval.resolved</c>: <c>approved</c>, <c>rejected</c> or <c>timed_out</c>.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    /// <summary><c>approval.resolved</c>: what the person said with the decision, if anything.</summary>
    [JsonPropertyName("comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }
}
