using Restate.Sdk.Endpoint;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>Each command kind replayed from the journal: nothing is written again, results come from notifications.</summary>
public class ReplayTests
{
    [Fact]
    public async Task Replayed_sleep_with_its_completion_writes_only_the_output()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                await ctx.Sleep(TimeSpan.FromHours(1));
                return 1;
            },
            [Start(3), Input(), Command(new SleepCommandMessage { WakeUpTime = 5, ResultCompletionId = 1 }), Completion(MessageType.SleepCompletionNotification, 1)]);

        Assert.Equal([Output("1"), End()], frames);
    }

    [Fact]
    public async Task Replayed_call_takes_its_result_from_the_notification()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Call<int>(CallTarget.ForService("S", "h"), 1),
            [
                Start(4), Input(),
                Command(new CallCommandMessage { ServiceName = "S", HandlerName = "h", Parameter = Utf8("1"), InvocationIdNotificationIdx = 1, ResultCompletionId = 2 }),
                InvocationIdCompletion(1, "inv_x"),
                Completion(MessageType.CallCompletionNotification, 2, "99"),
            ]);

        Assert.Equal([Output("99"), End()], frames);
    }

    [Fact]
    public async Task Replayed_run_with_a_stored_result_does_not_execute_again()
    {
        var executions = 0;
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("once", _ => Task.FromResult(++executions)),
            [Start(3), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "once" }), Completion(MessageType.RunCompletionNotification, 1, "7")]);

        Assert.Equal([Output("7"), End()], frames);
        Assert.Equal(0, executions);
    }

    [Fact]
    public async Task Replayed_run_without_a_stored_result_executes_again()
    {
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Run("again", _ => Task.FromResult(5)));
        await harness.SendAsync(Start(2), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "again" }));

        Assert.Equal(Propose(1, "5"), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "5"));
        Assert.Equal([Output("5"), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Replayed_lazy_state_read_takes_the_value_from_its_notification()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Get<string>("name"),
            [
                Start(3, partialState: true), Input(),
                Command(new GetLazyStateCommandMessage { Key = Utf8("name"), ResultCompletionId = 1 }),
                Completion(MessageType.GetLazyStateCompletionNotification, 1, "\"ann\""),
            ]);

        Assert.Equal([Output("\"ann\""), End()], frames);
    }

    [Fact]
    public async Task Replayed_eager_state_read_uses_the_journaled_value_not_the_current_state()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Get<int>("n"),
            [
                Start(2, state: new Dictionary<string, string> { ["n"] = "100" }), Input(),
                Command(new GetEagerStateCommandMessage { Key = Utf8("n"), Value = Value("1") }),
            ]);

        Assert.Equal([Output("1"), End()], frames);
    }

    [Fact]
    public async Task Replayed_state_keys_and_writes_then_new_commands_continue_the_ids()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var keys = await ctx.StateKeys();
            ctx.Set("a", 1);
            ctx.Clear("b");
            ctx.ClearAll();
            await ctx.Sleep(TimeSpan.Zero);
            return string.Join(",", keys);
        });
        await harness.SendAsync(
            Start(5, partialState: true), Input(),
            Command(new GetLazyStateKeysCommandMessage { ResultCompletionId = 1 }),
            StateKeysCompletion(1, "a", "b"),
            Command(new SetStateCommandMessage { Key = Utf8("a"), Value = Value("1") }),
            Command(new ClearStateCommandMessage { Key = Utf8("b") }));

        Assert.Equal(Command(new ClearAllStateCommandMessage()), await harness.ReadFrameAsync());
        Assert.Equal(Command(new SleepCommandMessage { WakeUpTime = (ulong)FixedTime.Now.ToUnixTimeMilliseconds(), ResultCompletionId = 2 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.SleepCompletionNotification, 2));
        Assert.Equal([Output("\"a,b\""), End()], (await harness.ReadUntilTerminalAsync())[2..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Replayed_one_way_call_ignores_the_invoke_time()
    {
        var frames = await InvocationHarness.RunAsync(
            (ctx, _) =>
            {
                ctx.Send(CallTarget.ForService("S", "h"), 1, new SendOptions { Delay = TimeSpan.FromSeconds(30) });
                return Task.FromResult<object?>(2);
            },
            [Start(2), Input(), Command(new OneWayCallCommandMessage { ServiceName = "S", HandlerName = "h", Parameter = Utf8("1"), InvokeTime = 12345, InvocationIdNotificationIdx = 1 })]);

        Assert.Equal([Output("2"), End()], frames);
    }

    [Fact]
    public async Task Replayed_sleep_ignores_the_wake_up_time()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                await ctx.Sleep(TimeSpan.FromDays(1), "long");
                return 3;
            },
            [Start(3), Input(), Command(new SleepCommandMessage { WakeUpTime = 1, ResultCompletionId = 1, Name = "long" }), Completion(MessageType.SleepCompletionNotification, 1)]);

        Assert.Equal([Output("3"), End()], frames);
    }

    [Fact]
    public async Task Replayed_awakeable_promise_and_cancel_commands()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                var awakeable = ctx.Awakeable<int>();
                ctx.ResolveAwakeable("sign_1x", 1);
                ctx.CancelInvocation("inv_y");
                var promise = await ctx.Promise<int>("p").Get();
                return await awakeable.Value + promise;
            },
            [
                Start(7, key: "w"), Input(),
                Command(new CompleteAwakeableCommandMessage { AwakeableId = "sign_1x", Value = Value("1") }),
                Command(new SendSignalCommandMessage { TargetInvocationId = "inv_y", Idx = 1, Void = new Unit() }),
                Command(new GetPromiseCommandMessage { Key = "p", ResultCompletionId = 1 }),
                Completion(MessageType.GetPromiseCompletionNotification, 1, "10"),
                Signal(17, "5"),
                Command(new OutputCommandMessage { Value = Value("15") }),
            ],
            ServiceKind.Workflow,
            HandlerKind.Workflow);

        Assert.Equal([End()], frames);
    }

    [Fact]
    public async Task Notifications_arriving_before_their_command_is_replayed_are_kept()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                var timer = ctx.Timer(TimeSpan.FromSeconds(1));
                var run = await ctx.Run("r", _ => Task.FromResult(1));
                await timer;
                return run;
            },
            [
                Start(5), Input(),
                Command(new SleepCommandMessage { ResultCompletionId = 1 }),
                Completion(MessageType.SleepCompletionNotification, 1),
                Command(new RunCommandMessage { ResultCompletionId = 2, Name = "r" }),
                Completion(MessageType.RunCompletionNotification, 2, "4"),
            ]);

        Assert.Equal([Output("4"), End()], frames);
    }
}
