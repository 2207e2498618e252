using System.Collections.Concurrent;

namespace Restate.Sdk.Tests.Determinism.Programs;

/// <summary>
/// Runs a generated program against a real context, the way handler code would be written by
/// hand. One interpreter serves one simulated invocation: it counts closure executions across
/// that invocation's attempts, so a run that fails its first execution succeeds when retried.
/// </summary>
internal sealed class ProgramInterpreter(ProgramNode program)
{
    public static readonly CallTarget Callee = CallTarget.ForService("Callee", "echo");

    private readonly ConcurrentDictionary<string, int> _executions = new();

    public async Task<object?> HandleAsync(IWorkflowContext ctx) => await ExecuteAsync(ctx, program);

    private async Task<string> ExecuteAsync(IWorkflowContext ctx, ProgramNode node) => node switch
    {
        SequenceNode sequence => await SequenceAsync(ctx, sequence),
        ForkNode fork => $"[{string.Join("|", await Task.WhenAll(fork.Branches.Select(b => ExecuteAsync(ctx, b))))}]",
        JoinNode join => await JoinAsync(ctx, join),
        RaceNode race => await RaceAsync(ctx, race),
        GetStateNode get => await ctx.Get<string>(get.Key) ?? "-",
        SetStateNode set => Set(ctx, set),
        SleepNode sleep => await Sleep(ctx, sleep),
        RunNode run => await Run(ctx, run),
        FutureNode future => await StartTyped(ctx, future),
        _ => throw new NotSupportedException(node.ToString()),
    };

    private async Task<string> SequenceAsync(IWorkflowContext ctx, SequenceNode sequence)
    {
        var results = new List<string>();
        foreach (var step in sequence.Steps)
        {
            results.Add(sequence.ConfigureAwaitFalse
                ? await ExecuteAsync(ctx, step).ConfigureAwait(false)
                : await ExecuteAsync(ctx, step));
        }

        return $"({string.Join(",", results)})";
    }

    private async Task<string> JoinAsync(IWorkflowContext ctx, JoinNode join)
    {
        var futures = join.Futures.Select(f => Start(ctx, f)).ToArray();
        await DurableFuture.All(futures);
        var values = new List<string>();
        foreach (var (node, future) in join.Futures.Zip(futures))
        {
            values.Add(future is IDurableFuture<string> typed ? await typed : node.Label);
        }

        return $"{{{string.Join(",", values)}}}";
    }

    private async Task<string> RaceAsync(IWorkflowContext ctx, RaceNode race)
    {
        var futures = race.Futures.Select(f => Start(ctx, f)).ToArray();
        var labels = race.Futures.Select(f => f.Label).ToList();
        var tasks = futures.Select(f => f.AsTask()).ToArray();
        var winner = race.Kind switch
        {
            RaceKind.TaskWhenAny => Array.IndexOf(tasks, await Task.WhenAny(tasks)),
            RaceKind.DurableFutureAny => await DurableFuture.Any(futures),
            _ => labels.IndexOf(await DurableFuture.Race([.. futures.Cast<IDurableFuture<string>>()])),
        };
        return $"~{race.Futures[winner].Label}~";
    }

    private static string Set(IWorkflowContext ctx, SetStateNode set)
    {
        ctx.Set(set.Label, set.Label);
        return set.Label;
    }

    private static async Task<string> Sleep(IWorkflowContext ctx, SleepNode sleep)
    {
        await ctx.Sleep(TimeSpan.FromSeconds(1), sleep.Label);
        return sleep.Label;
    }

    private Task<string> Run(IWorkflowContext ctx, RunNode run) => ctx.Run(run.Label, _ => Closure(run));

    private async Task<string> StartTyped(IWorkflowContext ctx, FutureNode future) => await (IDurableFuture<string>)Start(ctx, future);

    /// <summary>Creates the operation as a durable future.</summary>
    private IDurableFuture Start(IWorkflowContext ctx, FutureNode future) => future switch
    {
        RunNode run => ctx.RunAsync(run.Label, _ => Closure(run)),
        SleepNode sleep => ctx.Timer(TimeSpan.FromSeconds(1), sleep.Label),
        CallNode call => ctx.CallAsync<string>(Callee, call.Label, new CallOptions { Name = call.Label }),
        AwakeableNode awakeable => ExternalResolver.PublishedAwakeable(ctx, awakeable.Label).Value,
        _ => throw new NotSupportedException(future.ToString()),
    };

    private async Task<string> Closure(RunNode run)
    {
        var execution = _executions.AddOrUpdate(run.Label, 1, (_, n) => n + 1);
        if (run.Yields)
        {
            await Task.Yield();
        }

        if (run.FailsFirst && execution == 1)
        {
            throw new InvalidOperationException($"{DeterminismCase.TransientMarker} failure of {run.Label}");
        }

        return run.Label;
    }
}
