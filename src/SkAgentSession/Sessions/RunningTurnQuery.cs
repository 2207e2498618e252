using System.Text.Json;

namespace SkAgentSession.Sessions;

/// <summary>
/// Finds the turn a session is running, through Restate's SQL <c>sys_invocation</c> table: the
/// <c>chat</c> invocation of the session that has started (running, retrying or suspended). Turns
/// still queued behind it are not "in progress".
/// </summary>
internal static class RunningTurnQuery
{
    public static string Sql(string sessionId)
    {
        // The id passed SessionInputRules ([A-Za-z0-9_.-]), so it cannot break out of the literal.
        return "SELECT id FROM sys_invocation "
            + $"WHERE target_service_name = '{AgentSessionObject.Name}' AND target_service_key = '{sessionId}' "
            + "AND target_handler_name = 'chat' "
            + "AND status IN ('ready', 'running', 'backing-off', 'suspended', 'paused')";
    }

    public static string? InvocationId(IReadOnlyList<JsonElement> rows) =>
        rows.Select(r => r.TryGetProperty("id", out var id) ? id.GetString() : null).FirstOrDefault(id => id is not null);
}
