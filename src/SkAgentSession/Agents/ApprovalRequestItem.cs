using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>
/// A tool call that waits for (or got) a person's decision before it runs. It sits after the
/// model response's calls and before the call's result. The model never sees it: the result of
/// the call tells the model whether it ran.
/// </summary>
public sealed record ApprovalRequestItem : SessionItem
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string TimedOut = "timed_out";

    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public override SessionItemRole Role
    {
        get => SessionItemRole.Assistant;
        init { }
    }

    [JsonPropertyName("callId")]
    public required string CallId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The call's arguments, as in its <see cref="ToolCallItem"/>.</summary>
    [JsonPropertyName("arguments")]
    [JsonConverter(typeof(VerbatimJsonConverter))]
    public required JsonElement Arguments { get; init; }

    /// <summary><see cref="Pending"/>, <see cref="Approved"/>, <see cref="Rejected"/> or <see cref="TimedOut"/>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }
}
