namespace SkAgentSession.FaultInjection.Tests;

public sealed class FaultRunReportTests
{
    [Fact]
    public void The_summary_says_the_repeats_were_all_cut_off_before_stored_when_they_were()
    {
        var report = Report();

        Assert.Equal(
            "step mode: 300/300 acknowledged, duplicated 0, lost 0, recomputed 0 (model requests repeated 7, all cut off before stored; tool calls repeated 2, all cut off before stored)",
            report.Summary);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Requests_repeated_with_nothing_to_cut_them_off_fail_the_run_and_show_in_the_summary()
    {
        var report = Report(repeatedInOneAttempt: 2);

        Assert.False(report.Passed);
        Assert.Contains("2 model requests repeated with no fault to cut the first off", report.Failures);
        Assert.Contains("0 after stored, 2 with nothing to cut them off", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Recomputed_turns_and_journal_mismatches_fail_the_run()
    {
        var report = Report(recomputed: 1, journalMismatches: 3);

        Assert.Equal(["1 recomputed turns", "3 turns whose journal does not match their items"], report.Failures);
    }

    [Fact]
    public void A_replica_below_half_an_even_share_fails_the_run_and_the_report_names_each_replicas_count()
    {
        var report = Report(spread: new ReplicaSpread(new Dictionary<string, int> { ["service-1"] = 180, ["service-2"] = 178, ["service-3"] = 40 }, 398));
        var output = new StringWriter();
        report.WriteTo(output);

        Assert.Equal(["turns spread unfairly over the replicas (below half an even share: service-3)"], report.Failures);
        Assert.Contains("(service-1 180, service-2 178, service-3 40)", output.ToString(), StringComparison.Ordinal);
        Assert.True(Report(spread: new ReplicaSpread(new Dictionary<string, int> { ["service-1"] = 180, ["service-2"] = 178, ["service-3"] = 100 }, 458)).Passed);
    }

    private static FaultRunReport Report(int repeatedInOneAttempt = 0, int recomputed = 0, int journalMismatches = 0, ReplicaSpread? spread = null) => new()
    {
        Spread = spread,
        Durability = "step",
        Setup = "test",
        MessagesPlanned = 300,
        MessagesSent = 300,
        Acknowledged = 300,
        RecomputedTurns = recomputed,
        ModelRequestsRepeated = 7,
        ToolCallsRecorded = true,
        ToolCallsRepeated = 2,
        ModelRequestsRepeatedInOneAttempt = repeatedInOneAttempt,
        JournalMismatchedTurns = journalMismatches,
        RetryReasons = new Dictionary<string, int>(),
        ModelRequestsByInstance = new Dictionary<string, int>(),
        Faults = [],
        Problems = [],
        WorkDirectory = "/tmp/x",
    };
}
