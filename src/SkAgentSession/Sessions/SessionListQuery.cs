using System.Text.Json;
using SkAgentSession.Agents;

namespace SkAgentSession.Sessions;

/// <summary>Finds the sessions that have state, through Restate's SQL <c>state</c> table.</summary>
internal static class SessionListQuery
{
    public const string Sql =
        $"SELECT service_key, key, value_utf8 FROM state WHERE service_name = '{AgentSessionObject.Name}' " +
        $"AND key IN ('{SessionState.ItemsKey}', '{SessionState.AgentKey}')";

    public static IReadOnlyList<SessionSummary> Summarize(IReadOnlyList<JsonElement> rows)
    {
        var sessions = new Dictionary<string, (string? Agent, IReadOnlyList<SessionItem>? Items)>(StringComparer.Ordinal);
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
            else if (key == SessionState.ItemsKey)
            {
                entry.Items = SessionItemJson.Deserialize(value);
            }

            sessions[sessionId] = entry;
        }

        return sessions
            .Select(pair => Summarize(pair.Key, pair.Value.Agent, pair.Value.Items ?? []))
            .OrderByDescending(summary => summary.UpdatedAt ?? DateTimeOffset.MinValue)
            .ThenBy(summary => summary.SessionId, StringComparer.Ordinal)
            .ToList();
    }

    private static SessionSummary Summarize(string sessionId, string? agent, IReadOnlyList<SessionItem> items)
    {
        var messages = items.OfType<MessageItem>().ToList();
        var lastItem = items.Count == 0 ? null : items[^1];
        return new SessionSummary(
            sessionId,
            agent ?? lastItem?.Agent ?? string.Empty,
            messages.Count,
            messages.Count == 0 ? null : messages[^1].Content,
            lastItem?.Timestamp);
    }
}
