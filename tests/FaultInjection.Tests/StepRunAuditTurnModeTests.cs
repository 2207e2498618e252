namespace SkAgentSession.FaultInjection.Tests;

/// <summary>The journal-based audit of turn mode: the whole turn is the step <c>agent turn</c>; one execution makes 3 model requests.</summary>
public sealed class StepRunAuditTurnModeTests
{
    private const string Message = "How much baggage? (ref 1/1)";
    private static readonly TurnRecord Turn = TurnSamples.Acknowledged("run-s001", 0, TurnSamples.FaqTurnItems(Message, "One bag.", TurnSamples.Start));
    private static readonly TurnJournal Journal = JournalSamples.TurnMode(Turn);

    [Fact]
    public void One_execution_before_the_step_was_stored_is_neither_recomputed_nor_repeated()
    {
        var runs = Check(Journal, Calls((0.3, 1), (1.1, 1), (2.1, 1)));

        Assert.Equal((3, 0, 0, 0, 0), (runs.ModelRequests, runs.ModelRequestsRepeated, runs.ModelRequestsAfterStore, runs.UnaccountedSteps, runs.JournalMismatches));
        Assert.False(runs.Recomputed);
    }

    [Fact]
    public void An_execution_cut_off_before_the_store_is_a_repeat_not_a_recomputation()
    {
        var runs = Check(Journal, Calls((0.3, 1), (0.9, 1), (1.5, 2), (2.1, 2), (3.0, 2)));

        Assert.Equal(2, runs.ModelRequestsRepeated);
        Assert.False(runs.Recomputed);
    }

    [Fact]
    public void A_replay_that_runs_the_stored_agent_turn_again_is_a_recomputation()
    {
        // The stored execution, then the step again after a restart: its result was in the journal since 4.0 s.
        var runs = Check(Journal, Calls((0.3, 1), (1.1, 1), (2.1, 1), (6.0, 2), (6.5, 2), (7.0, 2)));

        Assert.True(runs.Recomputed);
        Assert.Equal(3, runs.ModelRequestsAfterStore);
        Assert.Contains(runs.Notes, n => n.Contains("after every step of the turn was stored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_one_millisecond_after_the_store_is_a_recomputation_and_one_within_the_stored_millisecond_is_not()
    {
        var within = Check(Journal, Calls((0.3, 1), (1.1, 1), (2.1, 1), (4.0009, 1)));
        var after = Check(Journal, Calls((0.3, 1), (1.1, 1), (2.1, 1), (4.001, 1)));

        Assert.False(within.Recomputed);
        Assert.True(after.Recomputed);
    }

    [Fact]
    public void Fewer_requests_than_one_execution_makes_leave_the_step_unaccounted()
    {
        var runs = Check(Journal, Calls((0.3, 1), (2.1, 1)));

        Assert.Equal(1, runs.UnaccountedSteps);
    }

    [Fact]
    public void An_agent_turn_step_without_a_stored_result_is_a_journal_mismatch()
    {
        var runs = Check(JournalSamples.TurnMode(Turn, storedAt: null), Calls((0.3, 1), (1.1, 1), (2.1, 1)));

        Assert.Equal(1, runs.JournalMismatches);
    }

    [Fact]
    public void A_turn_without_a_journal_is_a_journal_mismatch()
    {
        var runs = StepRunAudit.Check(Turn, DurabilityMode.Turn, null, Calls((0.3, 1)), []);

        Assert.Equal(1, runs.JournalMismatches);
    }

    [Fact]
    public void A_turn_stored_in_step_mode_fails_a_turn_mode_run()
    {
        var runs = Check(JournalSamples.StepMode(Turn), Calls((0.3, 1), (1.0, 1), (2.0, 1)));

        Assert.Equal(1, runs.JournalMismatches);
        Assert.Contains(runs.Notes, n => n.Contains("its items call for [agent turn]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tool_run_after_the_agent_turn_was_stored_is_a_recomputation()
    {
        var runs = StepRunAudit.Check(
            Turn,
            DurabilityMode.Turn,
            Journal,
            Calls((0.3, 1), (1.1, 1), (2.1, 1)),
            [],
            [new ToolExecution("call_2", "faq_lookup", "attempt-1", JournalSamples.At(1.5)), new ToolExecution("call_2", "faq_lookup", "attempt-2", JournalSamples.At(5.0))]);

        Assert.Equal((2, 0, 1), (runs.ToolCalls, runs.ToolCallsRepeated, runs.ToolCallsAfterStore));
        Assert.True(runs.Recomputed);
    }

    private static TurnStepRuns Check(TurnJournal journal, IEnumerable<ModelCall> calls) =>
        StepRunAudit.Check(Turn, DurabilityMode.Turn, journal, calls, []);

    private static IEnumerable<ModelCall> Calls(params (double Seconds, int ProcessId)[] calls) =>
        calls.Select(c => new ModelCall(JournalSamples.At(c.Seconds), c.ProcessId, Message));
}
