using System.Globalization;
using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// The record of tool executions: the <c>tool.result</c> events each execution of a step sends to the session's event
/// log, read from the inputs of the <c>SessionEvents/{session}/append</c> invocations in <c>sys_journal</c>
/// (<c>Command: Input</c>, <c>entry_json</c> <c>{"Command":{"Input":{"payload":[bytes of the JSON batch]}}}</c>).
/// Every execution of a step has its own attempt id, so one execution of a tool call is one (call id, attempt id)
/// pair. Its time is when the first batch holding that result reached Restate: the execution happened before it.
/// A step stores its events before it returns, so for the execution whose result was stored that is before the store.
/// An execution whose events were never sent (cut off at once) is not seen: repeats are a lower bound.
/// </summary>
internal static class ToolExecutionQuery
{
    public static string Sql(string sessionIdPrefix)
    {
        if (!sessionIdPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{sessionIdPrefix}' is not a session id prefix.", nameof(sessionIdPrefix));
        }

        return "SELECT i.target_service_key AS session_id, j.entry_json, j.appended_at "
            + "FROM sys_journal j JOIN sys_invocation i ON j.id = i.id "
            + "WHERE i.target_service_name = 'SessionEvents' AND i.target_handler_name = 'append' "
            + $"AND i.target_service_key LIKE '{sessionIdPrefix}%' "
            + "AND j.entry_type = 'Command: Input'";
    }

    /// <summary>The tool executions of each turn, keyed by the turn id (the chat invocation's id).</summary>
    public static ILookup<string, ToolExecution> Parse(IEnumerable<JsonElement> rows)
    {
        var seen = new Dictionary<(string TurnId, string CallId, string AttemptId), ToolExecution>();
        foreach (var row in rows)
        {
            using var entry = JsonDocument.Parse(row.GetProperty("entry_json").GetString()!);
            var payload = entry.RootElement.GetProperty("Command").GetProperty("Input").GetProperty("payload");
            var bytes = payload.EnumerateArray().Select(b => b.GetByte()).ToArray();
            using var batch = JsonDocument.Parse(bytes);
            var turnId = batch.RootElement.GetProperty("turnId").GetString()!;

            // Events the handler stores itself (turn.completed) belong to no step attempt.
            if (batch.RootElement.GetProperty("attemptId").GetString() is not { } attemptId)
            {
                continue;
            }

            var at = DateTimeOffset.Parse(row.GetProperty("appended_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            foreach (var result in batch.RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "tool.result"))
            {
                var key = (turnId, result.GetProperty("callId").GetString()!, attemptId);
                if (!seen.TryGetValue(key, out var known) || at < known.SeenAt)
                {
                    seen[key] = new ToolExecution(key.Item2, result.GetProperty("name").GetString()!, attemptId, at);
                }
            }
        }

        return seen.ToLookup(s => s.Key.TurnId, s => s.Value);
    }
}
