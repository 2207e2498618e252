using System.Text.Json.Serialization;

namespace SkAgentSession.Events;

/// <summary>
/// The small state entry beside the batches: the last id assigned, and the attempts seen of the
/// latest turn (in order), which the retry rule needs.
/// </summary>
public sealed record EventLogHeader
{
    [JsonPropertyName("lastId")]
    public long LastId { get; init; }

    [JsonPropertyName("turnId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TurnId { get; init; }

    /// <summary>The latest turn's step whose attempts <see cref="Attempts"/> lists.</summary>
    [JsonPropertyName("step")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Step { get; init; }

    [JsonPropertyName("attempts")]
    public IReadOnlyList<string> Attempts { get; init; } = [];

    /// <summary>The id of the latest turn's first event (0 for an empty log).</summary>
    [JsonPropertyName("turnFirstId")]
    public long TurnFirstId { get; init; }

    /// <summary>True once the latest turn has its terminal event; later batches of it are dropped.</summary>
    [JsonPropertyName("turnEnded")]
    public bool TurnEnded { get; init; }

    /// <summary>
    /// The first id stored in batches; the ids before it are in the pages of the earlier layout.
    /// 0 in a header written before batches: all of that log is in pages.
    /// </summary>
    [JsonPropertyName("batchesFrom")]
    public long BatchesFrom { get; init; }
}
