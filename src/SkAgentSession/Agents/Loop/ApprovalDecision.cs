using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkAgentSession.Agents.Loop;

/// <summary>A person's answer to an approval request, or the timeout that stands in for one.</summary>
public sealed record ApprovalDecision
{
    [JsonPropertyName("approved")]
    public bool Approved { get; init; }

    [JsonPropertyName("comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    [JsonPropertyName("timedOut")]
    public bool TimedOut { get; init; }

    public static ApprovalDecision Timeout { get; } = new() { Approved = false, TimedOut = true };

    /// <summary>
    /// The decision an awakeable was resolved with. Anything but an object with a boolean
    /// <c>approved</c> (someone resolved it by hand with something else) counts as a rejection that
    /// says so: the turn goes on rather than failing on it.
    /// </summary>
    public static ApprovalDecision Read(JsonElement payload)
    {
        if (payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("approved", out var approved)
            && approved.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            var comment = payload.TryGetProperty("comment", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            return new ApprovalDecision { Approved = approved.GetBoolean(), Comment = string.IsNullOrWhiteSpace(comment) ? null : comment };
        }

        return new ApprovalDecision { Approved = false, Comment = "The decision could not be read, so it counts as a rejection." };
    }

    [JsonIgnore]
    public string Status => Approved ? ApprovalRequestItem.Approved : TimedOut ? ApprovalRequestItem.TimedOut : ApprovalRequestItem.Rejected;

    /// <summary>What the model is told instead of the result of a call that was not approved.</summary>
    public string NotRunResult() => TimedOut
        ? "Not run: nobody approved this call in time, so it counts as rejected. Tell the customer nothing was changed."
        : string.IsNullOrWhiteSpace(Comment)
            ? "Not run: the customer rejected this call. Tell the customer nothing was changed."
            : $"Not run: the customer rejected this call, saying: {Comment}";
}
