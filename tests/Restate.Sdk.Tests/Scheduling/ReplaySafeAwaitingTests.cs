using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Scheduling;

/// <summary>
/// The two patterns that used to fail on replay with a 570, frame by frame: operations created first and
/// awaited later replay the commands they journaled, and a retried attempt runs what has no result yet.
/// </summary>
public class ReplaySafeAwaitingTests
{
    private static readonly Frame SleepOne = Command(new SleepCommandMessage { WakeUpTime = WakeUp(1), ResultCompletionId = 1 });
    private static readonly Frame SetK = Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") });

    [Fact]
    public async Task A_timer_created_before_a_state_write_and_awaited_after_it_replays_to_the_end()
    {
        var frames = await InvocationHarness.RunAsync(
            (ctx, _) => TimerSetThenAwaited(ctx),
            [Start(4), Input(), SleepOne, SetK, Completion(MessageType.SleepCompletionNotification, 1)]);

        Assert.Equal([Output("\"done\""), End()], frames);
    }

    [Fact]
    public async Task A_timer_awaited_after_a_state_write_suspends_on_the_timer_when_its_result_is_not_in_yet()
    {
        var frames = await InvocationHarness.RunAsync(
            (ctx, _) => TimerSetThenAwaited(ctx),
            [Start(3), Input(), SleepOne, SetK],
            closeInput: true);

        Assert.Equal([Suspension([1])], frames);
    }

    [Fact]
    public async Task WhenAll_over_two_runs_runs_the_one_without_a_result_on_the_retry()
    {
        var ran = new List<string>();
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var a = ctx.Run("a", _ => Record(ran, "a", 1));
            var b = ctx.Run("b", _ => Record(ran, "b", 2));
            var values = await Task.WhenAll(a, b);
            return values.Sum();
        });

        // The previous attempt journaled both runs and the result of "b" only.
        await harness.SendAsync(
            Start(4),
            Input(),
            Command(new RunCommandMessage { ResultCompletionId = 1, Name = "a" }),
            Command(new RunCommandMessage { ResultCompletionId = 2, Name = "b" }),
            Completion(MessageType.RunCompletionNotification, 2, "2"));

        Assert.Equal(Propose(1, "1"), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "1"));
        Assert.Equal([Propose(1, "1"), Output("3"), End()], await harness.ReadUntilTerminalAsync());
        await harness.FinishAsync();
        Assert.Equal(["a"], ran);
    }

    [Fact]
    public async Task WhenAny_over_a_timer_and_an_awakeable_suspends_on_both()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                var awakeable = ctx.Awakeable<string>();
                var first = await Task.WhenAny(ctx.Sleep(TimeSpan.FromHours(1)), awakeable.Value.AsTask());
                return first.IsCompleted;
            },
            [Start(1), Input()],
            closeInput: true);

        var suspension = (SuspensionMessage)frames[^1].Message;
        Assert.Equal([1u], suspension.WaitingCompletions);
        Assert.Equal([1u, 17u], suspension.WaitingSignals); // the cancel signal and the awakeable's
    }

    private static async Task<object?> TimerSetThenAwaited(IWorkflowContext ctx)
    {
        var sleep = ctx.Sleep(TimeSpan.FromSeconds(1));
        ctx.Set("k", 1);
        await sleep;
        return "done";
    }

    private static Task<int> Record(List<string> ran, string name, int value)
    {
        lock (ran)
        {
            ran.Add(name);
        }

        return Task.FromResult(value);
    }

    private static ulong WakeUp(int seconds) => (ulong)FixedTime.Now.AddSeconds(seconds).ToUnixTimeMilliseconds();
}
