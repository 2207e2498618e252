using System.Globalization;
using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// Reads the durable steps of a run's turns from Restate's SQL table <c>sys_journal</c> (joined to
/// <c>sys_invocation</c> for the session and the idempotency key). In Restate 1.7 a step is a <c>Command: Run</c>
/// entry (column <c>name</c>; <c>entry_lite_json</c> <c>{"Command":{"Run":{"completion_id":5,"name":"agent turn"}}}</c>)
/// and its stored result a <c>Notification: Run</c> entry with the same completion id
/// (<c>{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":5},"result":"Success"}}</c>); each row has
/// <c>appended_at</c>. Completed invocations keep their journal for the service's journal retention (24 h by default).
/// </summary>
internal static class TurnJournalQuery
{
    private const string RunCommand = "Command: Run";
    private const string RunNotification = "Notification: Run";

    /// <summary>The run steps of every turn of the sessions whose id starts with <paramref name="sessionIdPrefix"/>.</summary>
    public static string Sql(string sessionIdPrefix)
    {
        if (!sessionIdPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{sessionIdPrefix}' is not a session id prefix.", nameof(sessionIdPrefix));
        }

        return "SELECT i.target_service_key AS session_id, i.idempotency_key, j.id, j.index, j.entry_type, j.name, j.entry_lite_json, j.appended_at "
            + "FROM sys_journal j JOIN sys_invocation i ON j.id = i.id "
            + "WHERE i.target_service_name = 'AgentSession' AND i.target_handler_name = 'chat' "
            + $"AND i.target_service_key LIKE '{sessionIdPrefix}%' "
            + $"AND j.entry_type IN ('{RunCommand}', '{RunNotification}')";
    }

    /// <summary>The rows grouped into one journal per turn, keyed by the turn's idempotency key.</summary>
    public static IReadOnlyDictionary<string, TurnJournal> Parse(IEnumerable<JsonElement> rows)
    {
        var journals = new Dictionary<string, TurnJournal>(StringComparer.Ordinal);
        foreach (var invocation in rows.GroupBy(r => r.GetProperty("id").GetString()!, StringComparer.Ordinal))
        {
            var entries = invocation.OrderBy(r => r.GetProperty("index").GetInt32()).ToList();
            var first = entries[0];
            var key = first.TryGetProperty("idempotency_key", out var k) ? k.GetString() : null;
            if (key is null)
            {
                continue;
            }

            var stored = entries
                .Where(r => r.GetProperty("entry_type").GetString() == RunNotification)
                .Select(r => (Lite: LiteJson(r).GetProperty("Notification"), At: AppendedAt(r)))
                .ToDictionary(
                    n => n.Lite.GetProperty("id").GetProperty("CompletionId").GetInt32(),
                    n => (n.At, Failed: n.Lite.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String && result.GetString() == "Failure"));
            var steps = entries
                .Where(r => r.GetProperty("entry_type").GetString() == RunCommand)
                .Select(r =>
                {
                    var completionId = LiteJson(r).GetProperty("Command").GetProperty("Run").GetProperty("completion_id").GetInt32();
                    var found = stored.TryGetValue(completionId, out var result);
                    return new JournalStep(
                        r.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
                        r.GetProperty("index").GetInt32(),
                        AppendedAt(r),
                        found ? result.At : null,
                        found && result.Failed);
                })
                .ToList();
            journals[key] = new TurnJournal(first.GetProperty("session_id").GetString()!, key, invocation.Key, steps);
        }

        return journals;
    }

    private static JsonElement LiteJson(JsonElement row)
    {
        using var lite = JsonDocument.Parse(row.GetProperty("entry_lite_json").GetString()!);
        return lite.RootElement.Clone();
    }

    private static DateTimeOffset AppendedAt(JsonElement row) =>
        DateTimeOffset.Parse(row.GetProperty("appended_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
