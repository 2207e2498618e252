namespace SkAgentSession.FaultInjection.Tests;

/// <summary>
/// The journal-based audit of step mode, on the FAQ turn's journal (<see cref="JournalSamples.StepMode"/>):
/// model request 1 stored at 0.5 s, handoff 0.6 s, model request 2 1.2 s, tool 1.3 s, model request 3 3.5 s.
/// </summary>
public sealed class StepRunAuditStepModeTests
{
    private const string Message = "How much baggage? (ref 1/1)";
    private static readonly TurnRecord Turn = TurnSamples.Acknowledged("run-s001", 0, TurnSamples.FaqTurnItems(Message, "One bag.", TurnSamples.Start));
    private static readonly TurnJournal Journal = JournalSamples.StepMode(Turn);

    [Fact]
    public void One_request_per_model_step_is_clean()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.4, 1)));

        Assert.Equal((3, 0, 0, 0, 0, 0), (runs.ModelRequests, runs.ModelRequestsRepeated, runs.ModelRequestsAfterStore, runs.ModelRequestsRepeatedInOneAttempt, runs.UnaccountedSteps, runs.JournalMismatches));
    }

    [Fact]
    public void A_model_request_cut_off_by_a_kill_and_made_again_by_the_next_process_is_an_allowed_repeat()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.0, 2), (1.4, 2)));

        Assert.Equal(1, runs.ModelRequestsRepeated);
        Assert.Equal(0, runs.ModelRequestsRepeatedInOneAttempt);
        Assert.False(runs.Recomputed);
    }

    [Fact]
    public void A_model_request_made_again_by_the_same_process_after_a_restate_restart_is_an_allowed_repeat()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.0, 1), (1.4, 1)), restateFaults: [Window(0.8, 0.9)]);

        Assert.Equal((1, 0), (runs.ModelRequestsRepeated, runs.ModelRequestsRepeatedInOneAttempt));
    }

    [Fact]
    public void A_model_request_made_while_restate_drains_and_again_after_its_restart_is_an_allowed_repeat()
    {
        // Restate was told to stop at 0.65 s, drained until it exited, and was back at 0.95 s; the request at 0.7 s
        // came after the stop began, from an attempt the stop then cut off.
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.0, 1), (1.4, 1)), restateFaults: [Window(0.65, 0.95)]);

        Assert.Equal((1, 0), (runs.ModelRequestsRepeated, runs.ModelRequestsRepeatedInOneAttempt));
    }

    [Fact]
    public void A_restate_fault_over_before_both_requests_does_not_excuse_the_repeat()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.0, 1), (1.4, 1)), restateFaults: [Window(0.2, 0.3)]);

        Assert.Equal(1, runs.ModelRequestsRepeatedInOneAttempt);
    }

    [Fact]
    public void A_model_request_made_again_by_the_same_process_with_no_fault_between_is_reported()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.0, 1), (1.4, 1)));

        Assert.Equal(1, runs.ModelRequestsRepeatedInOneAttempt);
        Assert.True(runs.RepeatedInOneAttempt);
    }

    [Fact]
    public void A_model_request_while_the_tool_step_is_under_way_is_a_recomputation_of_a_stored_model_step()
    {
        // Model request 2 was stored at 1.2 s; a request at 1.25 s, while the tool ran, can only be a stored step run again.
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.25, 1), (1.4, 1)));

        Assert.Equal(1, runs.ModelRequestsAfterStore);
        Assert.True(runs.Recomputed);
        Assert.Contains(runs.Notes, n => n.Contains("while 'tool faq_lookup call_2' was under way", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replay_that_reruns_a_stored_model_request_beside_the_step_under_way_is_reported()
    {
        // Process 1 is killed in model request 3; process 2 replays, runs the stored model request 1 again (2.0 s),
        // then model request 3 (2.1 s). By time both fall to model request 3, but nothing cut the first of them off.
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.4, 1), (2.0, 2), (2.1, 2)));

        Assert.Equal(1, runs.ModelRequestsRepeatedInOneAttempt);
        Assert.Contains(runs.Notes, n => n.Contains("'model request 3' was requested 3 times", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_after_the_last_step_was_stored_is_a_recomputation()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.4, 1), (5.0, 2)));

        Assert.Equal(1, runs.ModelRequestsAfterStore);
    }

    [Fact]
    public void A_request_in_the_millisecond_the_tool_step_was_stored_goes_to_the_next_model_request()
    {
        var runs = Check(Calls((0.1, 1), (0.7, 1), (1.3004, 1)));

        Assert.Equal((0, 0), (runs.ModelRequestsAfterStore, runs.UnaccountedSteps));
    }

    [Fact]
    public void A_model_step_without_a_request_in_the_log_is_unaccounted()
    {
        var runs = Check(Calls((0.1, 1), (1.4, 1)));

        Assert.Equal(1, runs.UnaccountedSteps);
    }

    [Fact]
    public void A_journal_without_the_tool_step_does_not_match_the_items()
    {
        var journal = JournalSamples.Journal(
            Turn,
            (DurableStepNames.ModelRequest(1), 0.0, 0.5),
            (DurableStepNames.Handoff("call_1"), 0.5, 0.6),
            (DurableStepNames.ModelRequest(2), 0.6, 1.2),
            (DurableStepNames.ModelRequest(3), 1.3, 3.5));

        var runs = StepRunAudit.Check(Turn, DurabilityMode.Step, journal, Calls((0.1, 1), (0.7, 1), (1.4, 1)), []);

        Assert.Equal(1, runs.JournalMismatches);
    }

    [Fact]
    public void Tool_executions_before_the_store_are_repeats_and_one_after_it_a_recomputation()
    {
        var before = Tools((1.21, 1), (1.25, 2));
        var repeated = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls((0.1, 1), (0.7, 1), (1.4, 2)), [], before);
        var late = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls((0.1, 1), (0.7, 1), (1.4, 2)), [], Tools((1.21, 1), (2.0, 2)));

        Assert.Equal((2, 1, 0), (repeated.ToolCalls, repeated.ToolCallsRepeated, repeated.ToolCallsAfterStore));
        Assert.False(repeated.Recomputed);
        Assert.Equal(1, late.ToolCallsAfterStore);
        Assert.True(late.Recomputed);
    }

    [Fact]
    public void Tool_events_held_back_by_a_restate_fault_and_seen_after_the_store_are_a_repeat_not_a_recomputation()
    {
        // Recorded case: the tool ran (attempt 1) as Restate stopped; attempt 2 ran it again after the restart and was
        // stored at 1.3 s; attempt 1's sink delivered its events once Restate was back, at 1.8 s.
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls((0.1, 1), (0.7, 1), (1.4, 1)), [Window(1.21, 1.25)], Tools((1.29, 2), (1.8, 1)));

        Assert.Equal((2, 1, 0, 1), (runs.ToolCalls, runs.ToolCallsRepeated, runs.ToolCallsAfterStore, runs.ToolCallsSeenLateAfterRestateFault));
        Assert.False(runs.Recomputed);
    }

    [Fact]
    public void A_restate_fault_over_before_the_tool_step_began_does_not_excuse_a_tool_run_after_the_store()
    {
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls((0.1, 1), (0.7, 1), (1.4, 1)), [Window(0.2, 0.3)], Tools((1.29, 2), (1.8, 1)));

        Assert.Equal(1, runs.ToolCallsAfterStore);
        Assert.True(runs.Recomputed);
    }

    [Fact]
    public void A_tool_call_with_no_execution_in_the_event_log_leaves_the_turn_unaccounted()
    {
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, Calls((0.1, 1), (0.7, 1), (1.4, 2)), [], []);

        Assert.Equal(1, runs.UnaccountedSteps);
        Assert.Contains(runs.Notes, n => n.StartsWith("tool call call_2: no execution", StringComparison.Ordinal));
    }

    private static RestateFaultWindow Window(double from, double until) => new(JournalSamples.At(from), JournalSamples.At(until));

    private static TurnStepRuns Check(IEnumerable<ModelCall> calls, IReadOnlyList<RestateFaultWindow>? restateFaults = null) =>
        StepRunAudit.Check(Turn, DurabilityMode.Step, Journal, calls, restateFaults ?? []);

    private static IEnumerable<ModelCall> Calls(params (double Seconds, int ProcessId)[] calls) =>
        calls.Select(c => new ModelCall(JournalSamples.At(c.Seconds), c.ProcessId, Message));

    private static IEnumerable<ToolExecution> Tools(params (double Seconds, int Attempt)[] runs) =>
        runs.Select(r => new ToolExecution("call_2", "faq_lookup", $"attempt-{r.Attempt}", JournalSamples.At(r.Seconds)));
}
