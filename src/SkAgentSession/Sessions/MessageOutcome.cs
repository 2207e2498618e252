using System.Text.Json.Serialization;

namespace SkAgentSession.Sessions;

/// <summary>What a sent message led to: the turn's reply, or a turn that waits for a person.</summary>
public sealed record MessageOutcome(ChatReply? Reply, TurnWaiting? Waiting)
{
    public static MessageOutcome Replied(ChatReply reply) => new(reply, null);

    public static MessageOutcome WaitingFor(TurnWaiting waiting) => new(null, waiting);
}

/// <summary>The answer to a message whose turn waits for an approval (HTTP 202): the turn goes on once it is given.</summary>
public sealed record TurnWaiting(
    [property: JsonPropertyName("turnId")] string TurnId,
    [property: JsonPropertyName("approvals")] IReadOnlyList<ApprovalSummary> Approvals)
{
    public const string WaitingForApproval = "waiting_for_approval";

    [JsonPropertyName("status")]
    public string Status => WaitingForApproval;
}

/// <summary>A call that waits for a decision: what the model wants to run.</summary>
public sealed record ApprovalSummary(
    [property: JsonPropertyName("callId")] string CallId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arguments")] System.Text.Json.JsonElement Arguments);
