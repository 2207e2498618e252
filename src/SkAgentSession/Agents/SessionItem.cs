using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>
/// One entry of a session's history as stored in durable state: readable JSON, independent of
/// Semantic Kernel's own types. <see cref="ChatHistoryMapper"/> turns a list of these into the
/// <c>ChatHistory</c> the model saw.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(MessageItem), "message")]
[JsonDerivedType(typeof(ToolCallItem), "tool_call")]
[JsonDerivedType(typeof(ToolResultItem), "tool_result")]
[JsonDerivedType(typeof(HandoffItem), "handoff")]
[JsonDerivedType(typeof(TurnStatusItem), "turn_status")]
[JsonDerivedType(typeof(ApprovalRequestItem), "approval_request")]
public abstract record SessionItem
{
    /// <summary>The role the model sees for this item.</summary>
    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public abstract SessionItemRole Role { get; init; }

    /// <summary>The agent that produced the item; for user messages, the agent that received it.</summary>
    [JsonPropertyName("agent")]
    [JsonPropertyOrder(-2)]
    public required string Agent { get; init; }

    /// <summary>When the item was created (taken inside the durable step that produced it).</summary>
    [JsonPropertyName("timestamp")]
    [JsonPropertyOrder(100)]
    public required DateTimeOffset Timestamp { get; init; }
}
