using Restate.Sdk.Endpoint;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

public class SuspensionAndCancellationTests
{
    [Fact]
    public async Task Awaited_sleep_suspends_when_input_closes()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                await ctx.Sleep(TimeSpan.FromMinutes(1));
                return 1;
            },
            [Start(1), Input()],
            closeInput: true);

        Assert.Equal(Suspension([1], [1]), frames[^1]);
        Assert.Equal(2, frames.Count);
    }

    [Fact]
    public async Task Suspension_waits_for_the_input_to_close_in_bidi_mode()
    {
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Awakeable<int>().Value);
        await harness.SendAsync(Start(1), Input());
        await Task.Delay(100);
        Assert.Empty(harness.Received);

        await harness.CloseInputAsync();

        Assert.Equal([Suspension([], [1, 17])], await harness.ReadUntilTerminalAsync());
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Suspension_lists_only_the_call_result_when_only_that_is_awaited()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Call<int>(CallTarget.ForService("S", "h")),
            [Start(1), Input()],
            closeInput: true);

        Assert.Equal(Suspension([2], [1]), frames[^1]);
    }

    [Fact]
    public async Task Request_response_mode_suspends_on_every_await_that_is_not_ready()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("step", _ => Task.FromResult(1)),
            [Start(1), Input()],
            requestResponse: true);

        Assert.Equal([Command(new RunCommandMessage { ResultCompletionId = 1, Name = "step" }), Propose(1, "1"), Suspension([1], [1])], frames);
    }

    [Fact]
    public async Task Request_response_mode_replays_stored_results_without_suspending()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("step", _ => Task.FromResult(1)),
            [Start(3), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "step" }), Completion(MessageType.RunCompletionNotification, 1, "1")],
            requestResponse: true);

        Assert.Equal([Output("1"), End()], frames);
    }

    [Fact]
    public async Task Cancel_signal_fails_the_current_await_with_terminal_409()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            await ctx.Sleep(TimeSpan.FromDays(1));
            return "slept";
        });
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();

        await harness.SendAsync(Cancel());

        Assert.Equal([OutputFailure(409, "cancelled"), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Cancellation_cancels_child_calls_once_and_lets_compensations_run()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            try
            {
                await ctx.Call<int>(CallTarget.ForService("Child", "work"));
                return "done";
            }
            catch (TerminalException e) when (e.Code == 409)
            {
                return await ctx.Run("compensate", _ => Task.FromResult("compensated"));
            }
        });
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();

        await harness.SendAsync(InvocationIdCompletion(1, "inv_child"), Cancel());

        Assert.Equal(Command(new SendSignalCommandMessage { TargetInvocationId = "inv_child", Idx = 1, Void = new Unit() }), await harness.ReadFrameAsync());
        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 3, Name = "compensate" }), await harness.ReadFrameAsync());
        Assert.Equal(Propose(3, "\"compensated\""), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 3, "\"compensated\""));
        Assert.Equal([Output("\"compensated\""), End()], (await harness.ReadUntilTerminalAsync())[4..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Cancellation_in_the_replayed_journal_is_replayed_too()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                try
                {
                    await ctx.Sleep(TimeSpan.FromDays(1));
                    return "slept";
                }
                catch (TerminalException e)
                {
                    return e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            [Start(3), Input(), Command(new SleepCommandMessage { ResultCompletionId = 1 }), Cancel()]);

        Assert.Equal([Output("\"409\""), End()], frames);
    }

    [Fact]
    public async Task Abnormal_disconnect_ends_the_attempt_without_resuming_the_handler()
    {
        var resumed = false;
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            try
            {
                await ctx.Sleep(TimeSpan.FromDays(1));
                return "slept";
            }
            finally
            {
                // A suspended or aborted attempt never resumes handler code, not even to unwind it.
                resumed = true;
            }
        });
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();

        await harness.BreakInputAsync();
        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(resumed);
        Assert.Single(harness.Received);
    }

    [Fact]
    public async Task Input_closing_while_a_run_executes_lets_it_propose_before_suspending()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Run("slow", _ => release.Task));
        await harness.SendAsync(Start(1), Input());
        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "slow" }), await harness.ReadFrameAsync());

        await harness.CloseInputAsync();
        await Task.Delay(100);
        Assert.Single(harness.Received);
        release.SetResult(8);

        Assert.Equal([Propose(1, "8"), Suspension([1], [1])], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
