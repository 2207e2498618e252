using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>The simulated runtime itself, with handlers that await one operation at a time.</summary>
public class SimulatedRuntimeTests
{
    private static InvocationSetup Setup(Func<IWorkflowContext, Task<object?>> handler) =>
        new(handler, ServiceProtocolVersion.V6, DeterminismCase.IsTransient)
        {
            InitialState = new Dictionary<string, string> { ["name"] = "\"ann\"" },
            PartialState = true,
        };

    [Fact]
    public async Task A_live_run_answers_every_kind_of_command_after_it_was_journaled()
    {
        var setup = Setup(async ctx =>
        {
            var run = await ctx.Run("run", _ => Task.FromResult("r"));
            await ctx.Sleep(TimeSpan.FromSeconds(1), "sleep");
            var call = await ctx.Call<string>(CallTarget.ForService("Callee", "echo"), "c", new CallOptions { Name = "call" });
            var awakeable = await ExternalResolver.PublishedAwakeable(ctx, "a").Value;
            var name = await ctx.Get<string>("name");
            ctx.Set("seen", name);
            return $"{run}{call}{awakeable}{name}";
        });

        var outcome = await new SimulatedRuntime(setup, SimulatedRuntime.NewJournal()).RunLiveAsync(new RandomDeliveryPolicy(1));

        Assert.Equal("\"rcaann\"", outcome.Output);
        Assert.Single(outcome.AttemptFrames);
        Assert.Equal(
            [
                MessageType.InputCommand, MessageType.RunCommand, MessageType.SleepCommand, MessageType.CallCommand,
                MessageType.OneWayCallCommand, MessageType.GetLazyStateCommand, MessageType.SetStateCommand, MessageType.OutputCommand,
            ],
            outcome.Commands.Select(c => c.Type));
        foreach (var (notification, index) in outcome.Journal.Select((f, i) => (f, i)).Where(e => e.f.Type.IsNotification()))
        {
            Assert.True(
                JournaledBefore(outcome.Journal, index, NotificationKey.Of(notification)),
                $"{notification} at {index} answers nothing journaled before it:\n{outcome}");
        }
    }

    [Fact]
    public async Task A_request_response_run_resumes_each_suspension_with_a_named_completion()
    {
        var setup = Setup(async ctx =>
        {
            await ctx.Sleep(TimeSpan.FromSeconds(1), "a");
            await ctx.Sleep(TimeSpan.FromSeconds(1), "b");
            return "slept";
        });

        var outcome = await new SimulatedRuntime(setup, SimulatedRuntime.NewJournal()).RunWithSuspensionsAsync(new Random(1));

        Assert.Equal("\"slept\"", outcome.Output);
        Assert.Equal([[1u], [2u]], outcome.Suspensions.Select(s => s.WaitingCompletions.ToArray()));
        Assert.Equal(
            [MessageType.InputCommand, MessageType.SleepCommand, MessageType.SleepCompletionNotification, MessageType.SleepCommand, MessageType.SleepCompletionNotification, MessageType.OutputCommand],
            outcome.Journal.Select(f => f.Type));
    }

    [Fact]
    public async Task A_transient_failure_starts_a_new_attempt_that_replays_the_journal_so_far()
    {
        var executions = 0;
        var setup = Setup(async ctx =>
        {
            await ctx.Sleep(TimeSpan.FromSeconds(1), "first");
            return await ctx.Run("flaky", _ => ++executions == 1
                ? throw new InvalidOperationException($"{DeterminismCase.TransientMarker} failure")
                : Task.FromResult(executions));
        });

        var outcome = await new SimulatedRuntime(setup, SimulatedRuntime.NewJournal()).RunLiveAsync(new RandomDeliveryPolicy(1));

        Assert.Equal("2", outcome.Output);
        Assert.Equal(2, outcome.AttemptFrames.Count);
        Assert.Contains(DeterminismCase.TransientMarker, Assert.Single(outcome.RetriedErrors).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.AttemptFrames[1], f => f.Message is SleepCommandMessage);
    }

    [Fact]
    public async Task Different_seeds_deliver_completions_in_different_orders()
    {
        var setup = Setup(async ctx =>
        {
            for (var i = 0; i < 3; i++)
            {
                ctx.Send(CallTarget.ForService("Callee", "echo"), i);
            }

            await ctx.Sleep(TimeSpan.FromSeconds(1), "sleep");
            return "sent";
        });

        var orders = new HashSet<string>();
        foreach (var seed in Enumerable.Range(1, 8))
        {
            var outcome = await new SimulatedRuntime(setup, SimulatedRuntime.NewJournal()).RunLiveAsync(new RandomDeliveryPolicy(seed));
            orders.Add(string.Join(",", outcome.Journal.Where(f => f.Type.IsNotification()).Select(NotificationKey.Of)));
        }

        Assert.True(orders.Count > 1, $"Every seed delivered in the order {string.Join(" / ", orders)}");
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_violation_not_a_retry()
    {
        var setup = Setup(ctx => throw new InvalidOperationException("a bug"));

        var violation = await Assert.ThrowsAsync<DeterminismViolation>(
            () => new SimulatedRuntime(setup, SimulatedRuntime.NewJournal()).RunLiveAsync(new RandomDeliveryPolicy(1)));

        Assert.Contains("a bug", violation.Message, StringComparison.Ordinal);
    }

    private static bool JournaledBefore(IReadOnlyList<Frame> journal, int index, NotificationKey key) =>
        journal.Take(index).Any(entry => entry.Message switch
        {
            RunCommandMessage run => key == NotificationKey.Completion(run.ResultCompletionId),
            SleepCommandMessage sleep => key == NotificationKey.Completion(sleep.ResultCompletionId),
            CallCommandMessage call => key == NotificationKey.Completion(call.ResultCompletionId) || key == NotificationKey.Completion(call.InvocationIdNotificationIdx),
            OneWayCallCommandMessage send => key == NotificationKey.Completion(send.InvocationIdNotificationIdx)
                || (key.IsSignal && send.ServiceName == ExternalResolver.Service && key.Id == ExternalResolver.SignalIdOf(ExternalResolver.Read(send.Parameter.Span).Id)),
            GetLazyStateCommandMessage get => key == NotificationKey.Completion(get.ResultCompletionId),
            _ => false,
        });
}
