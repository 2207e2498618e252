using System.Diagnostics;
using Restate.Sdk.Protocol;
using Restate.Sdk.StateMachine;
using Restate.Sdk.Telemetry;

namespace Restate.Sdk;

/// <summary>
/// Run steps. The closure runs once the step is waited for and the handler is quiescent (unless its
/// result is already journaled), off the invocation's scheduler and with the execution context of
/// the code that created it; its outcome is proposed to the runtime, and user code gets the value
/// the runtime stored.
/// </summary>
internal sealed partial class InvocationContext
{
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
        EnsureUsable();
        var creator = ExecutionContext.Capture();
        int handle;
        lock (Sync)
        {
            handle = Machine.SysRun(name);
            _runClosures[handle] = new PendingRun(name, execute, options?.RetryPolicy, creator);
        }

        return new LeafFuture<T>(this, handle, map);
    }

    private void StartRun(int handle, PendingRun? run)
    {
        if (run is null)
        {
            return;
        }

        lock (Sync)
        {
            MarkRunExecuting(handle);
        }

        // The closure starts inline, in the execution context of the code that created the run.
        if (run.Creator is { } creator)
        {
            ExecutionContext.Run(creator, static s => ((RunStart)s!).Execute(), new RunStart(this, handle, run));
        }
        else
        {
            _ = ExecuteRunAsync(handle, run);
        }
    }

    private async Task ExecuteRunAsync(int handle, PendingRun run)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = RunTelemetry.Start(run.Name);
        RunExitResult result;
        RunningClosureOf.Value = Self;
        try
        {
            result = RunExitResult.Success(await run.Execute(RunCancellationToken()).ConfigureAwait(false));
            RunTelemetry.Succeeded(activity);
        }
        catch (TerminalException e)
        {
            RunTelemetry.Failed(activity, e, terminal: true);
            result = RunExitResult.Terminal(new TerminalFailure(e.Code, e.Message, e.Metadata));
        }
        catch (Exception e)
        {
            RunTelemetry.Failed(activity, e, terminal: false);
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
            if (!TryFinishRun(handle))
            {
                return;
            }

            Machine.ProposeRunCompletion(handle, result, run.RetryPolicy);
            closed = Machine.IsOutputFinished;
        }

        _session.Scheduler.RequestProgress();
        if (!closed)
        {
            await _session.FlushAsync().ConfigureAwait(false);
        }
    }

    private sealed record RunStart(InvocationContext Context, int Handle, PendingRun Run)
    {
        public void Execute() => _ = Context.ExecuteRunAsync(Handle, Run);
    }

    private sealed record PendingRun(
        string Name,
        Func<CancellationToken, Task<ReadOnlyMemory<byte>>> Execute,
        RetryPolicy? RetryPolicy,
        ExecutionContext? Creator);
}
