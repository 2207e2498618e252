using Google.Protobuf;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>Each command kind while processing: the exact frames written, and results fed back.</summary>
public class CommandProcessingTests
{
    private static readonly ulong NowMillis = (ulong)FixedTime.Now.ToUnixTimeMilliseconds();

    [Fact]
    public async Task Sleep_writes_the_wake_up_time_and_resumes_on_its_completion()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            await ctx.Sleep(TimeSpan.FromSeconds(5), "nap");
            return "woke";
        });
        await harness.SendAsync(Start(1), Input());

        Assert.Equal(Command(new SleepCommandMessage { WakeUpTime = NowMillis + 5000, ResultCompletionId = 1, Name = "nap" }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.SleepCompletionNotification, 1));

        Assert.Equal([Output("\"woke\""), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Call_takes_two_completion_ids_and_returns_the_callee_response()
    {
        string? calleeId = null;
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var call = ctx.CallAsync<int>(
                CallTarget.ForObject("Counter", "bob", "add"),
                5,
                new CallOptions { IdempotencyKey = "once", Headers = new Dictionary<string, string> { ["x-a"] = "1" }, Name = "add five" });
            calleeId = await call.InvocationId();
            return await call + 1;
        });
        await harness.SendAsync(Start(1), Input());

        var expected = new CallCommandMessage
        {
            ServiceName = "Counter",
            HandlerName = "add",
            Key = "bob",
            Parameter = Utf8("5"),
            IdempotencyKey = "once",
            InvocationIdNotificationIdx = 1,
            ResultCompletionId = 2,
            Name = "add five",
        };
        expected.Headers.Add(new Header { Key = "x-a", Value = "1" });
        Assert.Equal(Command(expected), await harness.ReadFrameAsync());
        await harness.SendAsync(InvocationIdCompletion(1, "inv_callee"), Completion(MessageType.CallCompletionNotification, 2, "41"));

        Assert.Equal([Output("42"), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        Assert.Equal("inv_callee", calleeId);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Failed_call_is_a_terminal_exception_for_the_caller()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                try
                {
                    await ctx.Call<int>(CallTarget.ForService("Greeter", "greet"));
                    return "no";
                }
                catch (TerminalException e)
                {
                    return $"{e.Code}:{e.Message}";
                }
            },
            [Start(3), Input(), Command(new CallCommandMessage { ServiceName = "Greeter", HandlerName = "greet", InvocationIdNotificationIdx = 1, ResultCompletionId = 2 }),
                CompletionFailure(MessageType.CallCompletionNotification, 2, 404, "nope")]);

        Assert.Equal([Output("\"404:nope\""), End()], frames);
    }

    [Fact]
    public async Task Send_writes_a_one_way_call_with_absolute_invoke_time()
    {
        var frames = await InvocationHarness.RunAsync(
            (ctx, _) =>
            {
                ctx.Send(CallTarget.ForService("Mailer", "send"), "hi");
                ctx.Send(CallTarget.ForObject("Mailer", "k", "later"), null, new SendOptions { Delay = TimeSpan.FromMinutes(1), IdempotencyKey = "k1" });
                return Task.FromResult<object?>(null);
            },
            [Start(1), Input()]);

        Assert.Equal(
            [
                Command(new OneWayCallCommandMessage { ServiceName = "Mailer", HandlerName = "send", Parameter = Utf8("\"hi\""), InvocationIdNotificationIdx = 1 }),
                Command(new OneWayCallCommandMessage { ServiceName = "Mailer", HandlerName = "later", Key = "k", InvokeTime = NowMillis + 60_000, IdempotencyKey = "k1", InvocationIdNotificationIdx = 2 }),
                Command(new OutputCommandMessage { Value = new Value() }),
                End(),
            ],
            frames);
    }

    [Fact]
    public async Task Awakeable_resolves_with_its_signal_and_other_awakeables_are_completed_by_commands()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var awakeable = ctx.Awakeable<string>();
            ctx.ResolveAwakeable("sign_1other", 7);
            ctx.RejectAwakeable("sign_1third", "no thanks");
            return await awakeable.Value;
        });
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();
        await harness.ReadFrameAsync();
        await harness.SendAsync(Signal(17, "\"hello\""));

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();
        Assert.Equal(
            [
                Command(new CompleteAwakeableCommandMessage { AwakeableId = "sign_1other", Value = Value("7") }),
                Command(new CompleteAwakeableCommandMessage { AwakeableId = "sign_1third", Failure = Failure(500, "no thanks") }),
                Output("\"hello\""),
                End(),
            ],
            frames);
    }

    [Fact]
    public async Task Run_proposes_its_value_and_returns_the_stored_one()
    {
        var executions = 0;
        var harness = InvocationHarness.Start(async (ctx, _) =>
            await ctx.Run("charge", _ =>
            {
                executions++;
                return Task.FromResult(10);
            }));
        await harness.SendAsync(Start(1), Input());

        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "charge" }), await harness.ReadFrameAsync());
        Assert.Equal(Propose(1, "10"), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "11"));

        Assert.Equal([Output("11"), End()], (await harness.ReadUntilTerminalAsync())[2..]);
        Assert.Equal(1, executions);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Run_terminal_failure_is_proposed_and_rethrown_from_the_notification()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            try
            {
                await ctx.Run("pay", _ => throw new TerminalException("card declined", 402));
                return "paid";
            }
            catch (TerminalException e)
            {
                return e.Code;
            }
        });
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();

        Assert.Equal(ProposeFailure(1, 402, "card declined"), await harness.ReadFrameAsync());
        await harness.SendAsync(CompletionFailure(MessageType.RunCompletionNotification, 1, 402, "card declined"));
        Assert.Equal([Output("402"), End()], (await harness.ReadUntilTerminalAsync())[2..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Workflow_promises_get_peek_and_complete()
    {
        var harness = InvocationHarness.Start(
            async (ctx, _) =>
            {
                var peek = await ctx.Promise<string>("p").Peek();
                await ctx.Promise<string>("q").Resolve("done");
                var value = await ctx.Promise<string>("p").Get();
                return $"{peek.IsCompleted}:{value}";
            },
            ServiceKind.Workflow,
            HandlerKind.Workflow);
        await harness.SendAsync(Start(1, key: "wf"), Input());

        Assert.Equal(Command(new PeekPromiseCommandMessage { Key = "p", ResultCompletionId = 1 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.PeekPromiseCompletionNotification, 1));
        Assert.Equal(Command(new CompletePromiseCommandMessage { Key = "q", CompletionValue = Value("\"done\""), ResultCompletionId = 2 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.CompletePromiseCompletionNotification, 2));
        Assert.Equal(Command(new GetPromiseCommandMessage { Key = "p", ResultCompletionId = 3 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.GetPromiseCompletionNotification, 3, "\"v\""));

        Assert.Equal([Output("\"False:v\""), End()], (await harness.ReadUntilTerminalAsync())[3..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Cancel_invocation_sends_the_cancel_signal_and_attach_waits_for_the_output()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            ctx.CancelInvocation("inv_other");
            return await ctx.AttachInvocation<int>("inv_third");
        });
        await harness.SendAsync(Start(1), Input());

        Assert.Equal(Command(new SendSignalCommandMessage { TargetInvocationId = "inv_other", Idx = 1, Void = new Unit() }), await harness.ReadFrameAsync());
        Assert.Equal(Command(new AttachInvocationCommandMessage { InvocationId = "inv_third", ResultCompletionId = 1 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.AttachInvocationCompletionNotification, 1, "3"));

        Assert.Equal([Output("3"), End()], (await harness.ReadUntilTerminalAsync())[2..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Now_is_a_journaled_run()
    {
        var harness = InvocationHarness.Start(async (ctx, _) => (await ctx.Now()).ToUnixTimeMilliseconds());
        await harness.SendAsync(Start(1), Input());

        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "now" }), await harness.ReadFrameAsync());
        Assert.Equal(Propose(1, NowMillis.ToString(System.Globalization.CultureInfo.InvariantCulture)), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "1000"));
        Assert.Equal([Output("1000"), End()], (await harness.ReadUntilTerminalAsync())[2..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Combinators_wait_through_the_journal()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var a = ctx.Timer(TimeSpan.FromSeconds(1));
            var b = ctx.Timer(TimeSpan.FromSeconds(2));
            var first = await DurableFuture.Any(a, b);
            var awakeables = new[] { ctx.Awakeable<int>(), ctx.Awakeable<int>() };
            var values = await DurableFuture.All(awakeables.Select(x => x.Value).ToArray());
            var race = await DurableFuture.Race(ctx.Awakeable<int>().Value, ctx.Awakeable<int>().Value);
            await DurableFuture.All(a, b);
            return $"{first}:{values[0] + values[1]}:{race}";
        });
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();
        await harness.ReadFrameAsync();
        await harness.SendAsync(Completion(MessageType.SleepCompletionNotification, 2));
        await harness.SendAsync(Signal(18, "2"), Signal(17, "1"), Signal(20, "20"));
        await harness.SendAsync(Completion(MessageType.SleepCompletionNotification, 1));

        Assert.Equal([Output("\"1:3:20\""), End()], (await harness.ReadUntilTerminalAsync())[2..]);
        await harness.FinishAsync();
    }
}
