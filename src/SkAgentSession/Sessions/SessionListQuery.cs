using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Sessions.History;

namespace SkAgentSession.Sessions;

/// <summary>Finds the sessions that have state, through Restate's SQL <c>state</c> table.</summary>
internal static class SessionListQuery
{
    /// <summary>
    /// Reads each session's history header and agent, never its pages, so listing costs the same
    /// however long the sessions are. (A session not yet moved to pages has only its items array.)
    /// </summary>
    public const string Sql =
        $"SELECT service_key, key, value_utf8 FROM state WHERE service_name = '{AgentSessionObject.Name}' " +
        $"AND key IN ('{HistoryPages.HeaderKey}', '{HistoryPages.LegacyItemsKey}', '{SessionState.AgentKey}')";

    public static IReadOnlyList<SessionSummary> Summarize(IReadOnlyList<JsonElement> rows)
    {
        var sessions = new Dictionary<string, (string? Agent, HistoryHeader? Header)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var sessionId = row.GetProperty("service_key").GetString();
            var key = row.GetProperty("key").GetString();
            var value = row.TryGetProperty("value_utf8", out var v) ? v.GetString() : null;
            if (sessionId is null || value is null)
            {
                continue;
            }

            sessions.TryGetValue(sessionId, out var entry);
            if (key == SessionState.AgentKey)
            {
                entry.Agent = JsonSerializer.Deserialize<string>(value);
            }
            else if (key == HistoryPages.HeaderKey)
            {
                entry.Header = JsonSerializer.Deserialize<HistoryHeader>(value, SessionItemJson.Options);
            }
            else if (key == HistoryPages.LegacyItemsKey && entry.Header is null)
            {
                entry.Header = HeaderOf(SessionItemJson.Deserialize(value));
            }

            sessions[sessionId] = entry;
        }

        return sessions
            .Select(pair => new SessionSummary(
                pair.Key,
                pair.Value.Agent ?? string.Empty,
                pair.Value.Header?.MessageCount ?? 0,
                pair.Value.Header?.LastMessage,
                pair.Value.Header?.UpdatedAt))
            .OrderByDescending(summary => summary.UpdatedAt ?? DateTimeOffset.MinValue)
            .ThenBy(summary => summary.SessionId, StringComparer.Ordinal)
            .ToList();
    }

    private static HistoryHeader HeaderOf(IReadOnlyList<SessionItem> items) => new()
    {
        Count = items.Count,
        MessageCount = items.OfType<MessageItem>().Count(),
        LastMessage = items.OfType<MessageItem>().LastOrDefault()?.Content,
        UpdatedAt = items.Count == 0 ? null : items[^1].Timestamp,
    };
}
