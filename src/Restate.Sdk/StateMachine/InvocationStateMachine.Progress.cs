namespace Restate.Sdk.StateMachine;

/// <summary>
/// Awaiting: <see cref="DoProgress"/> decides what the SDK must do for user code waiting on some
/// handles, and <see cref="TakeNotification"/> hands out results.
/// </summary>
internal sealed partial class InvocationStateMachine
{
    public bool IsCompleted(int handle) => _results.IsCompleted(handle);

    /// <summary>
    /// Decides the next step for user code waiting on any of <paramref name="handles"/>. Of several
    /// handles with a result, the one whose result came first in the journal is named, so the order
    /// in which results reach user code is the same on every replay. With implicit cancellation the
    /// cancel signal is waited on too; when it comes first, the calls this invocation made are
    /// cancelled and <see cref="ProgressKind.CancelSignalReceived"/> is returned, once.
    /// </summary>
    public ProgressResult DoProgress(IReadOnlyList<int> handles)
    {
        if (ClosedReason == ClosedReason.Suspended)
        {
            return ProgressResult.Suspended;
        }

        return Guard(() =>
        {
            RequireExecuting("DoProgress");
            if (!_options.ImplicitCancellation || !_results.IsRegistered(AsyncResults.CancelHandle))
            {
                return Progress(handles);
            }

            var withCancel = new List<int>(handles.Count + 1) { AsyncResults.CancelHandle };
            withCancel.AddRange(handles);
            var result = Progress(withCancel);
            return result is { Kind: ProgressKind.Completed, Handle: AsyncResults.CancelHandle } ? OnCancelled() : result;
        });
    }

    /// <summary>Consumes the result of a completed handle; <c>null</c> while it has none.</summary>
    public NotificationResult? TakeNotification(int handle) => Guard(() =>
    {
        var result = _results.Take(handle);
        if (result?.InvocationId is { } invocationId)
        {
            foreach (var call in _trackedCalls)
            {
                if (call.InvocationIdHandle == handle)
                {
                    call.InvocationId = invocationId;
                }
            }
        }

        return result;
    });

    private ProgressResult Progress(IReadOnlyList<int> handles)
    {
        if (_results.FirstCompleted(handles) is var ready and not 0)
        {
            return ProgressResult.Completed(ready);
        }

        var ids = new HashSet<NotificationId>();
        foreach (var handle in handles)
        {
            if (_results.TryGetId(handle, out var id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            throw new InvalidOperationException("None of the awaited handles is known to the state machine.");
        }

        if (_results.ProcessUntilAnyFound(ids))
        {
            return ProgressResult.Completed(_results.FirstCompleted(handles));
        }

        // While replaying, a run is never executed: its command may still be ahead in the journal.
        // The await may be waiting for a result that is still to come over the stream.
        if (State == InvocationState.Processing && _runs.TryStartOne(handles) is { } run)
        {
            return ProgressResult.ExecuteRun(run);
        }

        if (!_inputClosed)
        {
            return ProgressResult.ReadFromInput;
        }

        // Let executing closures propose first: their work would be lost otherwise.
        if (_runs.AnyExecuting())
        {
            return ProgressResult.WaitPendingRun;
        }

        Suspend(ids);
        return ProgressResult.Suspended;
    }

    private ProgressResult OnCancelled()
    {
        // The calls' invocation ids are needed to cancel them; wait for any still missing.
        foreach (var call in _trackedCalls)
        {
            if (call.InvocationId is not null)
            {
                continue;
            }

            var result = Progress([call.InvocationIdHandle]);
            if (result.Kind != ProgressKind.Completed)
            {
                return result;
            }

            call.InvocationId = _results.Peek(call.InvocationIdHandle)?.InvocationId;
        }

        foreach (var call in _trackedCalls)
        {
            if (call.InvocationId is { } invocationId)
            {
                WriteCancel(invocationId);
            }
        }

        _trackedCalls.Clear();
        _results.Take(AsyncResults.CancelHandle);
        return ProgressResult.CancelSignalReceived;
    }
}
