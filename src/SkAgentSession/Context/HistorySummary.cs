using System.Text.Json.Serialization;

namespace SkAgentSession.Context;

/// <summary>
/// What the model is told instead of a session's older items (state key <c>summary</c>): a
/// summary of the first <see cref="CoversItems"/> items of the history, which itself stays whole.
/// </summary>
public sealed record HistorySummary
{
    public const string StateKey = "summary";

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>How many items, from the start of the history, the summary stands for; always the index of a user message.</summary>
    [JsonPropertyName("coversItems")]
    public required int CoversItems { get; init; }

    [JsonPropertyName("timestamp")]
    public required DateTimeOffset Timestamp { get; init; }
}
