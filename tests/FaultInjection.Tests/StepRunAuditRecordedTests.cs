using System.Globalization;
using System.Text.Json;

namespace SkAgentSession.FaultInjection.Tests;

/// <summary>The audit on a step-mode FAQ turn recorded from restate-server 1.7.12 and the app: its journal rows and its model call log.</summary>
public sealed class StepRunAuditRecordedTests
{
    private const string Message = "How much baggage can I bring? (ref 1/1)";

    private const string RecordedStepModeRows =
        """
        [
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":7,"entry_type":"Command: Run","name":"now","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":6,\"name\":\"now\"}}}","appended_at":"2026-12-04T18:01:15.619Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":8,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":6},\"result\":\"Success\"}}","appended_at":"2026-12-04T18:01:15.623Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":10,"entry_type":"Command: Run","name":"model request 1","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":7,\"name\":\"model request 1\"}}}","appended_at":"2026-12-04T18:01:15.647Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":11,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":7},\"result\":\"Success\"}}","appended_at":"2026-12-04T18:01:16.130Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":12,"entry_type":"Command: Run","name":"handoff call_1","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":8,\"name\":\"handoff call_1\"}}}","appended_at":"2026-12-04T18:01:16.151Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":13,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":8},\"result\":\"Success\"}}","appended_at":"2026-12-04T18:01:16.163Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":14,"entry_type":"Command: Run","name":"model request 2","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":9,\"name\":\"model request 2\"}}}","appended_at":"2026-12-04T18:01:16.164Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":15,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":9},\"result\":\"Success\"}}","appended_at":"2026-12-04T18:01:16.307Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":16,"entry_type":"Command: Run","name":"tool faq_lookup call_2","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":10,\"name\":\"tool faq_lookup call_2\"}}}","appended_at":"2026-12-04T18:01:16.313Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":17,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":10},\"result\":\"Success\"}}","appended_at":"2026-12-04T18:01:16.358Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":18,"entry_type":"Command: Run","name":"model request 3","entry_lite_json":"{\"Command\":{\"Run\":{\"completion_id\":11,\"name\":\"model request 3\"}}}","appended_at":"2026-12-04T18:01:16.369Z"},
        {"session_id":"probe2","idempotency_key":"probe2-m1","id":"inv_153Jz3ZOEezv1AH9tDxWAiEAHqSiTAFF6M","index":19,"entry_type":"Notification: Run","entry_lite_json":"{\"Notification\":{\"ty\":{\"Completion\":\"Run\"},\"id\":{\"CompletionId\":11},\"result\":\"Success\"}}","appended_at":"2026-12-04T18:01:16.763Z"}
        ]
        """;

    private static readonly string[] RecordedCallTimes = ["2026-12-04T18:01:16.0075854+00:00", "2026-12-04T18:01:16.1864918+00:00", "2026-12-04T18:01:16.3715984+00:00"];

    private static readonly TurnRecord Turn = TurnSamples.Acknowledged("probe2", 0, TurnSamples.FaqTurnItems(Message, "One bag.", TurnSamples.Start)) with
    {
        Message = new ScriptedMessage(0, Message, "probe2-m1"),
    };

    private static readonly TurnJournal Journal = Parse()["probe2-m1"];

    [Fact]
    public void The_recorded_turn_has_the_contract_steps_each_model_request_once_and_nothing_recomputed()
    {
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls(RecordedCallTimes), []);

        Assert.Equal(
            ["model request 1", "handoff call_1", "model request 2", "tool faq_lookup call_2", "model request 3"],
            Journal.ContractSteps.Select(s => s.Name));
        Assert.Equal((3, 0, 0, 0, 0, 0), (runs.ModelRequests, runs.ModelRequestsRepeated, runs.ModelRequestsAfterStore, runs.ModelRequestsRepeatedInOneAttempt, runs.UnaccountedSteps, runs.JournalMismatches));
    }

    [Fact]
    public void The_same_turn_with_model_request_2_run_again_while_the_tool_ran_is_recomputed()
    {
        // Between the tool step's command (16.313) and its stored result (16.358).
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls([.. RecordedCallTimes, "2026-12-04T18:01:16.3300000+00:00"]), []);

        Assert.Equal(1, runs.ModelRequestsAfterStore);
        Assert.True(runs.Recomputed);
    }

    [Fact]
    public void The_same_turn_read_as_turn_mode_does_not_match_its_journal()
    {
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Turn, Journal, Calls(RecordedCallTimes), []);

        Assert.Equal(1, runs.JournalMismatches);
    }

    private static IReadOnlyDictionary<string, TurnJournal> Parse()
    {
        using var rows = JsonDocument.Parse(RecordedStepModeRows);
        return TurnJournalQuery.Parse([.. rows.RootElement.EnumerateArray().Select(r => r.Clone())]);
    }

    private static IEnumerable<ModelCall> Calls(string[] times) =>
        times.Select(t => new ModelCall(DateTimeOffset.Parse(t, CultureInfo.InvariantCulture), 5296, Message));
}
