using System.Diagnostics;
using Restate.Sdk.Protocol;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// Run steps. The closure runs when the step is awaited (unless its result is already journaled),
/// its outcome is proposed to the runtime, and user code gets the value the runtime stored.
/// </summary>
internal sealed partial class InvocationContext
{
    private static readonly AsyncLocal<InvocationContext?> RunningClosureOf = new();

    private readonly Dictionary<int, PendingRun> _runClosures = [];

    public Task<T> Run<T>(string name, Func<CancellationToken, Task<T>> action, RunOptions? options = null) =>
        RunAsync(name, action, options).AsTask();

    public Task Run(string name, Func<CancellationToken, Task> action, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return CreateRun<bool>(
            name,
            async ct =>
            {
                await action(ct).ConfigureAwait(false);
                return ReadOnlyMemory<byte>.Empty;
            },
            _ => true,
            options).AsTask();
    }

    public IDurableFuture<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> action, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return CreateRun(
            name,
            async ct => (ReadOnlyMemory<byte>)Serialize(await action(ct).ConfigureAwait(false)),
            Deserialize<T>,
            options);
    }

    private LeafFuture<T> CreateRun<T>(
        string name,
        Func<CancellationToken, Task<ReadOnlyMemory<byte>>> execute,
        Func<NotificationResult, T> map,
        RunOptions? options)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureNotInsideRun();
        int handle;
        lock (Sync)
        {
            handle = Machine.SysRun(name);
            _runClosures[handle] = new PendingRun(name, execute, options?.RetryPolicy);
        }

        return new LeafFuture<T>(this, new NotificationLeaf(handle), map);
    }

    private void StartRun(int handle)
    {
        PendingRun? run;
        lock (Sync)
        {
            _runClosures.Remove(handle, out run);
        }

        if (run is not null)
        {
            _ = ExecuteRunAsync(handle, run);
        }
    }

    private async Task ExecuteRunAsync(int handle, PendingRun run)
    {
        var started = Stopwatch.GetTimestamp();
        RunExitResult result;
        RunningClosureOf.Value = this;
        try
        {
            result = RunExitResult.Success(await run.Execute(Aborted).ConfigureAwait(false));
        }
        catch (TerminalException e)
        {
            result = RunExitResult.Terminal(new TerminalFailure(e.Code, e.Message, e.Metadata));
        }
        catch (Exception e)
        {
            Logger.LogRunFailure(e, run.Name);
            result = RunExitResult.Retryable(
                new InvocationError(ErrorCodes.Internal, e.Message, e.ToString()),
                Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            RunningClosureOf.Value = null;
        }

        bool closed;
        lock (Sync)
        {
            Machine.ProposeRunCompletion(handle, result, run.RetryPolicy);
            closed = Machine.IsOutputFinished;
        }

        _session.Progress.Pulse();
        if (!closed)
        {
            await _session.FlushAsync().ConfigureAwait(false);
        }
    }

    private void EnsureNotInsideRun()
    {
        if (RunningClosureOf.Value == this)
        {
            throw new InvalidOperationException(
                "The Restate context cannot be used inside a Run closure: the closure is a single side effect "
                + "whose result is journaled. Call the context before or after the Run instead.");
        }
    }

    private sealed record PendingRun(string Name, Func<CancellationToken, Task<ReadOnlyMemory<byte>>> Execute, RetryPolicy? RetryPolicy);
}
