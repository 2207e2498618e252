using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>
/// The active agent passed the conversation to another agent. For the model this is a call of the
/// <c>transfer_to_…</c> function (see <see cref="HandoffFunctions"/>) together with its result.
/// </summary>
public sealed record HandoffItem : SessionItem
{
    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public override SessionItemRole Role
    {
        get => SessionItemRole.Assistant;
        init { }
    }

    [JsonPropertyName("from")]
    public required string From { get; init; }

    [JsonPropertyName("to")]
    public required string To { get; init; }

    [JsonPropertyName("callId")]
    public required string CallId { get; init; }
}
