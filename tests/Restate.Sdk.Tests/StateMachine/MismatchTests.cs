using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>Every replay comparison rule: a mismatch is an ErrorMessage 570 pointing at the command, and never End.</summary>
public class MismatchTests
{
    private static async Task<ErrorMessage> RunExpectingErrorAsync(Func<IWorkflowContext, Task> handler, params Frame[] journal)
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                await handler(ctx);
                return null;
            },
            [Start((uint)journal.Length + 1), Input(), .. journal]);

        Assert.DoesNotContain(frames, f => f.Type == MessageType.End);
        return (ErrorMessage)Assert.Single(frames).Message;
    }

    [Fact]
    public async Task Different_command_type_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx => ctx.Sleep(TimeSpan.FromSeconds(1)),
            Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") }));

        Assert.Equal(570u, error.Code);
        Assert.Equal(1u, error.RelatedCommandIndex);
        Assert.Equal((uint)MessageType.SleepCommand, error.RelatedCommandType);
        Assert.Contains("SetStateCommand", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Different_state_value_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx =>
            {
                ctx.Set("k", 2);
                return Task.CompletedTask;
            },
            Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") }));

        Assert.Equal(570u, error.Code);
    }

    [Fact]
    public async Task Different_call_parameter_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx => ctx.Call<int>(CallTarget.ForService("S", "h"), 2),
            Command(new CallCommandMessage { ServiceName = "S", HandlerName = "h", Parameter = Utf8("1"), InvocationIdNotificationIdx = 1, ResultCompletionId = 2 }));

        Assert.Equal(570u, error.Code);
        Assert.Equal((uint)MessageType.CallCommand, error.RelatedCommandType);
    }

    [Fact]
    public async Task Different_completion_id_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx => ctx.Run("r", _ => Task.FromResult(1)),
            Command(new RunCommandMessage { ResultCompletionId = 9, Name = "r" }));

        Assert.Equal(570u, error.Code);
    }

    [Fact]
    public async Task Different_run_name_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx => ctx.Run("charge", _ => Task.FromResult(1)),
            Command(new RunCommandMessage { ResultCompletionId = 1, Name = "refund" }));

        Assert.Equal(570u, error.Code);
        Assert.Equal("charge", error.RelatedCommandName);
    }

    [Fact]
    public async Task Different_sleep_name_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx => ctx.Sleep(TimeSpan.FromSeconds(1), "b"),
            Command(new SleepCommandMessage { ResultCompletionId = 1, Name = "a" }),
            Completion(MessageType.SleepCompletionNotification, 1));

        Assert.Equal(570u, error.Code);
    }

    [Fact]
    public async Task Different_one_way_call_target_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx =>
            {
                ctx.Send(CallTarget.ForService("S", "other"), 1);
                return Task.CompletedTask;
            },
            Command(new OneWayCallCommandMessage { ServiceName = "S", HandlerName = "h", Parameter = Utf8("1"), InvocationIdNotificationIdx = 1 }));

        Assert.Equal(570u, error.Code);
    }

    [Fact]
    public async Task State_read_against_another_command_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            async ctx => await ctx.Get<int>("k"),
            Command(new ClearStateCommandMessage { Key = Utf8("k") }));

        Assert.Equal(570u, error.Code);
    }

    [Fact]
    public async Task State_read_of_another_key_is_a_mismatch_in_eager_and_lazy_form()
    {
        var eager = await RunExpectingErrorAsync(
            async ctx => await ctx.Get<int>("k"),
            Command(new GetEagerStateCommandMessage { Key = Utf8("other"), Void = new Unit() }));
        var lazy = await RunExpectingErrorAsync(
            async ctx => await ctx.Get<int>("k"),
            Command(new GetLazyStateCommandMessage { Key = Utf8("other"), ResultCompletionId = 1 }),
            Completion(MessageType.GetLazyStateCompletionNotification, 1));

        Assert.Equal(570u, eager.Code);
        Assert.Equal(570u, lazy.Code);
    }

    [Fact]
    public async Task Different_output_is_a_mismatch()
    {
        var frames = await InvocationHarness.RunAsync(
            (_, _) => Task.FromResult<object?>(2),
            [Start(2), Input(), Output("1")]);

        var error = (ErrorMessage)Assert.Single(frames).Message;
        Assert.Equal(570u, error.Code);
        Assert.Equal((uint)MessageType.OutputCommand, error.RelatedCommandType);
    }

    [Fact]
    public async Task Different_awakeable_completion_is_a_mismatch()
    {
        var error = await RunExpectingErrorAsync(
            ctx =>
            {
                ctx.ResolveAwakeable("sign_1a", 2);
                return Task.CompletedTask;
            },
            Command(new CompleteAwakeableCommandMessage { AwakeableId = "sign_1a", Value = Value("1") }));

        Assert.Equal(570u, error.Code);
    }

    [Fact]
    public async Task A_timer_awaited_after_later_journaled_commands_is_not_a_mismatch()
    {
        // The journal this code wrote itself: the timer, the state write, and then the wait for the timer.
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var timer = ctx.Sleep(TimeSpan.FromSeconds(1));
            ctx.Set("k", 1);
            await timer;
            return "done";
        });
        await harness.SendAsync(
            Start(3), Input(),
            Command(new SleepCommandMessage { WakeUpTime = (ulong)FixedTime.Now.ToUnixTimeMilliseconds() + 1000, ResultCompletionId = 1 }),
            Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") }));

        // With no result for the timer yet, the replay waits for one instead of failing.
        await Task.Delay(100);
        Assert.Empty(harness.Received);
        await harness.SendAsync(Completion(MessageType.SleepCompletionNotification, 1));

        Assert.Equal([Output("\"done\""), End()], await harness.ReadUntilTerminalAsync());
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Code_with_fewer_commands_than_the_journal_is_a_protocol_violation_not_an_end()
    {
        var frames = await InvocationHarness.RunAsync(
            (_, _) => Task.FromResult<object?>(1),
            [Start(3), Input(), Command(new ClearAllStateCommandMessage()), Output("1")]);

        var error = (ErrorMessage)Assert.Single(frames).Message;
        Assert.Equal(570u, error.Code);
    }
}
