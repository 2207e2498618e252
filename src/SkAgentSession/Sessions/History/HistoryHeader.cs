using System.Text.Json.Serialization;

namespace SkAgentSession.Sessions.History;

/// <summary>
/// The small state entry beside a session's history pages (<c>history.header</c>): how many items
/// there are, and what the session list shows, so neither a turn nor the list reads the pages.
/// </summary>
public sealed record HistoryHeader
{
    [JsonPropertyName("count")]
    public int Count { get; init; }

    /// <summary>Items per page: page p holds items p·N … p·N+N-1 (state key <c>history.p</c>).</summary>
    [JsonPropertyName("pageSize")]
    public int PageSize { get; init; } = HistoryPages.PageSize;

    [JsonPropertyName("messageCount")]
    public int MessageCount { get; init; }

    [JsonPropertyName("lastMessage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastMessage { get; init; }

    [JsonPropertyName("updatedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? UpdatedAt { get; init; }
}
