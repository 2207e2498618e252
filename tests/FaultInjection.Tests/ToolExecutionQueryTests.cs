using System.Text.Json;

namespace SkAgentSession.FaultInjection.Tests;

public sealed class ToolExecutionQueryTests
{
    [Fact]
    public void Each_attempt_that_sent_a_tool_result_is_one_execution_seen_when_its_first_batch_arrived()
    {
        var rows = new[]
        {
            Row("2026-12-04T17:43:23.500Z", "turn-1", "a1", ("tool.call", "call_2"), ("tool.result", "call_2")),
            Row("2026-12-04T17:43:23.400Z", "turn-1", "a1", ("tool.result", "call_2")),
            Row("2026-12-04T17:43:25.000Z", "turn-1", "a2", ("model.request", null), ("tool.result", "call_2")),
            Row("2026-12-04T17:43:26.000Z", "turn-2", "b1", ("text.delta", null)),
            Row("2026-12-04T17:43:27.000Z", "turn-2", null, ("turn.completed", null)),
        };

        var executions = ToolExecutionQuery.Parse(rows);

        var turn = executions["turn-1"].OrderBy(e => e.SeenAt).ToList();
        Assert.Equal(["a1", "a2"], turn.Select(e => e.AttemptId));
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T17:43:23.400Z", System.Globalization.CultureInfo.InvariantCulture), turn[0].SeenAt);
        Assert.All(turn, e => Assert.Equal(("call_2", "faq_lookup"), (e.CallId, e.Name)));
        Assert.Empty(executions["turn-2"]);
    }

    /// <summary>A row as the query returns it: the append's input batch as the bytes of its JSON.</summary>
    private static JsonElement Row(string appendedAt, string turnId, string? attemptId, params (string Type, string? CallId)[] events)
    {
        var batch = JsonSerializer.SerializeToUtf8Bytes(new
        {
            turnId,
            attemptId,
            events = events.Select(e => new { type = e.Type, turnId, agent = "FAQ Agent", callId = e.CallId, name = e.CallId is null ? null : "faq_lookup" }),
        });
        var entry = JsonSerializer.Serialize(new { Command = new { Input = new { headers = Array.Empty<int>(), payload = batch.Select(b => (int)b), name = string.Empty } } });
        return JsonSerializer.SerializeToElement(new { session_id = "run-s001", entry_json = entry, appended_at = appendedAt });
    }
}
