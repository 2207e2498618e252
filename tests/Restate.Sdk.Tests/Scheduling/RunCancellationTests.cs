using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Scheduling;

/// <summary>A Restate cancellation reaches the token of a run closure that is executing, and its outcome is dropped.</summary>
public class RunCancellationTests
{
    [Fact]
    public async Task Cancelling_the_invocation_fires_the_token_of_the_executing_run_and_fails_its_await()
    {
        var tokenFired = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            try
            {
                await ctx.Run("slow", async ct =>
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    catch (OperationCanceledException)
                    {
                        tokenFired.SetResult(true);
                        throw;
                    }
                });
                return "finished";
            }
            catch (TerminalException e) when (e.Code == 409)
            {
                ctx.Set("stopped", true);
                return "cancelled: " + await tokenFired.Task;
            }
        });
        await harness.SendAsync(Start(1), Input());
        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "slow" }), await harness.ReadFrameAsync());

        await harness.SendAsync(Cancel());
        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        // The abandoned closure proposes nothing; the handler goes on and ends normally.
        Assert.Equal(
            [
                Command(new RunCommandMessage { ResultCompletionId = 1, Name = "slow" }),
                Command(new SetStateCommandMessage { Key = Utf8("stopped"), Value = Value("true") }),
                Output("\"cancelled: True\""),
                End(),
            ],
            frames);
    }

    [Fact]
    public async Task A_waited_run_not_yet_started_when_the_cancellation_comes_never_starts_and_a_lazy_one_still_can()
    {
        var started = new List<string>();
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var lazy = ctx.RunAsync("lazy", _ => Started(started, "lazy"));
            var sleep = ctx.Sleep(TimeSpan.FromHours(1));
            var waited = ctx.Run("waited", _ => Started(started, "waited"));
            try
            {
                await Task.WhenAll(sleep, waited);
                return "finished";
            }
            catch (TerminalException e) when (e.Code == 409)
            {
                return await lazy;
            }
        });

        // The previous attempt journaled the commands and then the cancellation; "waited" never ran.
        await harness.SendAsync(
            Start(4),
            Input(),
            Command(new RunCommandMessage { ResultCompletionId = 1, Name = "lazy" }),
            Command(new SleepCommandMessage { WakeUpTime = (ulong)FixedTime.Now.AddHours(1).ToUnixTimeMilliseconds(), ResultCompletionId = 2 }),
            Command(new RunCommandMessage { ResultCompletionId = 3, Name = "waited" }),
            Cancel());
        Assert.Equal(Propose(1, "\"lazy\""), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "\"lazy\""));
        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        Assert.Equal([Propose(1, "\"lazy\""), Output("\"lazy\""), End()], frames);
        Assert.Equal(["lazy"], started);
    }

    private static Task<string> Started(List<string> started, string name)
    {
        lock (started)
        {
            started.Add(name);
        }

        return Task.FromResult(name);
    }
}
