using Xunit.Abstractions;

namespace SkAgentSession.FaultInjection.Tests;

/// <summary>
/// The short form of bench/faults.sh: the same driver with a few sessions and turns, real restate-server, the app as a
/// child process killed with SIGKILL, Restate stopped and restarted once, in both durability modes (one after the
/// other: the tests of a class do not run in parallel).
/// </summary>
public sealed class ShortFaultRunTests(ITestOutputHelper output)
{
    private static readonly FaultRunOptions Options = new()
    {
        Sessions = 6,
        Turns = 4,
        Seed = 7,
        SlowFraction = 0.8,
        SlowMinMilliseconds = 300,
        SlowMaxMilliseconds = 1200,
        MinFaultGap = TimeSpan.FromSeconds(1),
        MaxFaultGap = TimeSpan.FromSeconds(2.5),
        MaxServiceKills = 3,
        RestateFaultAtProgress = 0.5,
        MessageDeadline = TimeSpan.FromMinutes(4),
    };

    [Fact]
    public Task Turn_mode_conversations_survive_service_kills_and_a_restate_restart_without_loss_duplication_or_recomputation() =>
        RunAndCheckAsync(Options, DurabilityMode.Turn);

    /// <summary>Fewer, slower-to-answer sessions than in turn mode: a step-mode turn makes more journal round trips, and the suite's time is shared.</summary>
    [Fact]
    public Task Step_mode_conversations_survive_service_kills_and_a_restate_restart_without_loss_duplication_or_recomputation() =>
        RunAndCheckAsync(Options with { Seed = 11 }, DurabilityMode.Step);

    private async Task RunAndCheckAsync(FaultRunOptions options, DurabilityMode durability)
    {
        using var log = new StringWriter();

        var report = await FaultRun.RunAsync(options, durability, log);

        report.WriteTo(log);
        output.WriteLine(log.ToString());
        Assert.True(report.Passed, string.Join(", ", report.Failures));
        Assert.Equal(options.Sessions * options.Turns, report.Acknowledged);
        Assert.InRange(report.ServiceKills, 1, options.MaxServiceKills!.Value);
        Assert.Equal(1, report.RestateFaults);
        Assert.True(report.TurnsInFlightAtFaults > 0, "no fault cut into a turn");
    }
}
