using System.Text.Json;

namespace SkAgentSession.FaultInjection.Tests;

public sealed class TurnJournalQueryTests
{
    /// <summary>The rows <see cref="TurnJournalQuery.Sql"/> returned from restate-server 1.7.12 for one FAQ turn in turn mode.</summary>
    private const string RecordedTurnModeRows =
        """
        [
        {"session_id":"probe1","idempotency_key":"probe1-m1","id":"inv_117vYVQQ5EWo1HPFjrlCT2sndVfDznPqFT","index":4,"entry_type":"Command: Run","name":"now","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":4,\"name\":\"now\"}}}","appended_at":"2026-12-04T17:43:23.267Z"},
        {"session_id":"probe1","idempotency_key":"probe1-m1","id":"inv_117vYVQQ5EWo1HPFjrlCT2sndVfDznPqFT","index":5,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":4},\"result\":\"Success\"}}","appended_at":"2026-12-04T17:43:23.274Z"},
        {"session_id":"probe1","idempotency_key":"probe1-m1","id":"inv_117vYVQQ5EWo1HPFjrlCT2sndVfDznPqFT","index":7,"entry_type":"Command: Run","name":"agent turn","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":5,\"name\":\"agent turn\"}}}","appended_at":"2026-12-04T17:43:23.284Z"},
        {"session_id":"probe1","idempotency_key":"probe1-m1","id":"inv_117vYVQQ5EWo1HPFjrlCT2sndVfDznPqFT","index":8,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":5},\"result\":\"Success\"}}","appended_at":"2026-12-04T17:43:24.102Z"}
        ]
        """;

    [Fact]
    public void Recorded_rows_give_the_turn_its_steps_with_the_time_each_result_was_stored()
    {
        var journals = TurnJournalQuery.Parse(Rows(RecordedTurnModeRows));

        var journal = Assert.Single(journals).Value;
        Assert.Equal(("probe1", "probe1-m1", "inv_117vYVQQ5EWo1HPFjrlCT2sndVfDznPqFT"), (journal.SessionId, journal.IdempotencyKey, journal.InvocationId));
        Assert.Equal(["now", "agent turn"], journal.Steps.Select(s => s.Name));
        var agentTurn = Assert.Single(journal.ContractSteps);
        Assert.Equal(DurableStepKind.AgentTurn, agentTurn.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T17:43:23.284Z", System.Globalization.CultureInfo.InvariantCulture), agentTurn.JournaledAt);
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T17:43:24.102Z", System.Globalization.CultureInfo.InvariantCulture), agentTurn.StoredAt);
        Assert.False(agentTurn.StoredAsFailure);
    }

    [Fact]
    public void A_run_whose_notification_is_not_in_the_journal_has_no_stored_result()
    {
        var withoutResult = Rows(RecordedTurnModeRows).Where(r => r.GetProperty("index").GetInt32() != 8);

        var step = TurnJournalQuery.Parse(withoutResult)["probe1-m1"].ContractSteps.Single();

        Assert.Null(step.StoredAt);
    }

    [Fact]
    public void A_stored_failure_is_told_apart_from_a_stored_value()
    {
        var rows = RecordedTurnModeRows.Replace("""5},\"result\":\"Success""", """5},\"result\":\"Failure""", StringComparison.Ordinal);

        var step = TurnJournalQuery.Parse(Rows(rows))["probe1-m1"].ContractSteps.Single();

        Assert.True(step.StoredAsFailure);
    }

    [Fact]
    public void The_query_takes_only_a_session_id_prefix()
    {
        Assert.Contains("LIKE 'ab12cd-%'", TurnJournalQuery.Sql("ab12cd-"), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TurnJournalQuery.Sql("x' OR '1'='1"));
    }

    private static List<JsonElement> Rows(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(r => r.Clone())];
    }
}
