using System.Text.Json.Serialization;

namespace SkAgentSession.Sessions.History;

/// <summary>
/// Which part of a history to read: at most <see cref="Limit"/> items ending before position
/// <see cref="Before"/> (the newest when it is null), or, with <see cref="After"/>, starting at that position.
/// </summary>
public sealed record HistoryPageRequest
{
    public const int MaxLimit = 500;

    [JsonPropertyName("limit")]
    public int Limit { get; init; }

    [JsonPropertyName("before")]
    public int? Before { get; init; }

    [JsonPropertyName("after")]
    public int? After { get; init; }

    /// <summary>Why the request cannot be served, or null.</summary>
    public string? Check() =>
        Limit is < 1 or > MaxLimit ? $"'limit' must be between 1 and {MaxLimit}."
        : Before is < 0 ? "'before' must be a position in the history (0 or more)."
        : After is < 0 ? "'after' must be a position in the history (0 or more)."
        : Before is not null && After is not null ? "Give 'before' or 'after', not both."
        : null;
}
