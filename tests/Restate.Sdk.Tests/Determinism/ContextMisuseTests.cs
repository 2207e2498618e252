using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Uses of the context that would break replay are refused with a clear error, and a suspension
/// cannot be turned into a normal outcome by user code.
/// </summary>
public class ContextMisuseTests
{
    [Fact]
    public async Task Random_inside_a_run_closure_is_refused()
    {
        Exception? seen = null;
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("roll", _ =>
            {
                try
                {
                    return Task.FromResult(ctx.Random.NextInt(0, 6));
                }
                catch (Exception e)
                {
                    seen = e;
                    throw;
                }
            }),
            [Start(1), Input()],
            requestResponse: true);

        ExpectRefusedRun(frames, seen, "Random");
    }

    [Fact]
    public async Task Writing_state_inside_a_run_closure_is_refused()
    {
        Exception? seen = null;
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("write", _ =>
            {
                try
                {
                    ctx.Set("k", 1);
                    return Task.FromResult(1);
                }
                catch (Exception e)
                {
                    seen = e;
                    throw;
                }
            }),
            [Start(1), Input()],
            requestResponse: true);

        ExpectRefusedRun(frames, seen, "Run");
        Assert.DoesNotContain(frames, f => f.Message is SetStateCommandMessage);
    }

    [Fact]
    public async Task Reading_state_inside_a_run_closure_is_refused()
    {
        Exception? seen = null;
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("read", async _ =>
            {
                try
                {
                    return await ctx.Get<int>("k");
                }
                catch (Exception e)
                {
                    seen = e;
                    throw;
                }
            }),
            [Start(1, partialState: true), Input()],
            requestResponse: true);

        ExpectRefusedRun(frames, seen, "Run");
        Assert.DoesNotContain(frames, f => f.Message is GetLazyStateCommandMessage or GetEagerStateCommandMessage);
    }

    [Fact]
    public async Task A_context_used_from_another_invocations_handler_is_refused()
    {
        IWorkflowContext? first = null;
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstHarness = InvocationHarness.Start(async (ctx, _) =>
        {
            first = ctx;
            firstRunning.SetResult();
            await releaseFirst.Task;
            return "first";
        });
        await firstHarness.SendAsync(Start(1), Input());
        await firstRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var refusals = new List<Exception>();
        var secondFrames = await InvocationHarness.RunAsync(
            (_, _) =>
            {
                Refused(() => first!.Set("k", 2));
                Refused(() => first!.Timer(TimeSpan.FromSeconds(1)));
                return Task.FromResult<object?>("second");
            },
            [Start(1), Input()]);
        releaseFirst.SetResult();
        var firstFrames = await firstHarness.ReadUntilTerminalAsync();
        await firstHarness.FinishAsync();

        Assert.Equal([Output("\"second\""), End()], secondFrames);
        Assert.Equal([Output("\"first\""), End()], firstFrames);
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e =>
        {
            Assert.IsAssignableFrom<InvalidOperationException>(e);
            Assert.Contains("invocation", e.Message, StringComparison.OrdinalIgnoreCase);
        });

        void Refused(Action use)
        {
            try
            {
                use();
            }
            catch (Exception e)
            {
                refusals.Add(e);
            }
        }
    }

    [Fact]
    public async Task A_suspension_caught_by_a_catch_all_still_suspends_and_writes_nothing_more()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                try
                {
                    await ctx.Sleep(TimeSpan.FromHours(1));
                }
                catch (Exception)
                {
                    ctx.Set("swallowed", true);
                }

                return "after";
            },
            [Start(1), Input()],
            requestResponse: true);

        Assert.Equal(MessageType.SleepCommand, frames[0].Type);
        Assert.Equal(Suspension([1], [1]), frames[^1]);
        Assert.DoesNotContain(frames, f => f.Message is SetStateCommandMessage or OutputCommandMessage);
    }

    /// <summary>
    /// The run must not succeed, and the refusal must say what was refused and that it was in a Run:
    /// in the exception the closure saw, or in how the attempt or the run failed.
    /// </summary>
    private static void ExpectRefusedRun(IReadOnlyList<Frame> frames, Exception? seenInClosure, string refused)
    {
        Assert.DoesNotContain(frames, f => f.Message is ProposeRunCompletionMessage { ResultCase: ProposeRunCompletionMessage.ResultOneofCase.Value });
        if (seenInClosure is not null)
        {
            Assert.IsAssignableFrom<InvalidOperationException>(seenInClosure);
        }

        var texts = frames.Select(f => f.Message switch
        {
            ErrorMessage error => error.Message,
            ProposeRunCompletionMessage proposal => proposal.Failure?.Message,
            OutputCommandMessage output => FrameKinds.OutputText(output),
            _ => null,
        }).Append(seenInClosure?.Message).OfType<string>();
        Assert.Contains(texts, t => t.Contains(refused, StringComparison.Ordinal) && t.Contains("Run", StringComparison.Ordinal));
    }
}
