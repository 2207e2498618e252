namespace SkAgentSession.FaultInjection.Tests;

public sealed class ModelRunAuditTests
{
    private const string Message = "How much baggage? (ref 1/1)";

    // The turn's reply is stamped at Start + 3 s; one execution of it makes 3 requests (1 + handoff + tool call).
    private static readonly TurnRecord Turn = TurnSamples.Acknowledged("run-s001", 0, TurnSamples.FaqTurnItems(Message, "One bag.", TurnSamples.Start));

    [Fact]
    public void One_execution_before_the_reply_is_neither_recomputed_nor_rerun()
    {
        var runs = ModelRunAudit.Check(Turn, Calls(0.1, 1.1, 2.1));

        Assert.Equal((3, 3, 0), (runs.Requests, runs.RequestsPerExecution, runs.AfterReply));
        Assert.False(runs.Recomputed || runs.RerunBeforeStore || runs.Unaccounted);
    }

    [Fact]
    public void An_execution_cut_off_before_the_stored_one_is_a_rerun_not_a_recomputation()
    {
        var runs = ModelRunAudit.Check(Turn, Calls(-5, -4, 0.1, 1.1, 2.1));

        Assert.True(runs.RerunBeforeStore);
        Assert.False(runs.Recomputed);
    }

    [Fact]
    public void A_request_after_the_reply_was_computed_is_a_recomputation()
    {
        var runs = ModelRunAudit.Check(Turn, Calls(0.1, 1.1, 2.1, 3.0001));

        Assert.True(runs.Recomputed);
        Assert.Equal(1, runs.AfterReply);
    }

    [Fact]
    public void Fewer_requests_than_one_execution_needs_are_unaccounted()
    {
        var runs = ModelRunAudit.Check(Turn, Calls(0.1, 2.1));

        Assert.True(runs.Unaccounted);
    }

    private static IEnumerable<ModelCall> Calls(params double[] secondsAfterStart) =>
        secondsAfterStart.Select(s => new ModelCall(TurnSamples.Start.AddSeconds(s), 42, Message));
}
