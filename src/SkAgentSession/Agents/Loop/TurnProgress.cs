using System.Text.Json.Serialization;

namespace SkAgentSession.Agents.Loop;

/// <summary>
/// Where a turn stands, as data: what it produced so far and what is still to do. Every action of
/// the turn takes one of these and returns the next, so a turn can run in one durable step, one step
/// per action, or be split where it waits for a person, and end the same way.
/// </summary>
public sealed record TurnProgress<TContext>
    where TContext : class
{
    /// <summary>The turn's new items so far, in order (not the history before the turn).</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<SessionItem> Items { get; init; }

    [JsonPropertyName("agent")]
    public required string ActiveAgent { get; init; }

    /// <summary>The session context as the turn's actions left it.</summary>
    [JsonPropertyName("context")]
    public required TContext Context { get; init; }

    /// <summary>Model requests made so far.</summary>
    [JsonPropertyName("requests")]
    public int Requests { get; init; }

    /// <summary>What the model is told about the history before the turn's visible items, if anything.</summary>
    [JsonPropertyName("summary")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Summary { get; init; }

    /// <summary>Seeds the random source each tool and handoff action gets (with its call id).</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; init; }

    /// <summary>Call ids of the latest model response still to run, in the model's order.</summary>
    [JsonPropertyName("openCalls")]
    public IReadOnlyList<string> OpenCalls { get; init; } = [];

    /// <summary>Open calls a person approved; they run as their turn comes.</summary>
    [JsonPropertyName("approved")]
    public IReadOnlyList<string> Approved { get; init; } = [];

    /// <summary>The turn's reply, once it has one.</summary>
    [JsonPropertyName("reply")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reply { get; init; }

    [JsonIgnore]
    public bool IsDone => Reply is not null;

    /// <summary>The latest item of the turn about <paramref name="callId"/> that is a call.</summary>
    internal SessionItem CallItem(string callId) =>
        Items.LastOrDefault(i => i switch
        {
            ToolCallItem t => t.CallId == callId,
            HandoffItem h => h.CallId == callId,
            _ => false,
        }) ?? throw new InvalidDataException($"The turn has no call '{callId}'.");
}
