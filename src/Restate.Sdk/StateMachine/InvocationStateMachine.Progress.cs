using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Awaiting: <see cref="DoProgress"/> decides what the SDK must do for user code waiting on some
/// handles, and <see cref="TakeNotification"/> hands out results.
/// </summary>
internal sealed partial class InvocationStateMachine
{
    public bool IsCompleted(int handle) => _results.IsCompleted(handle);

    /// <summary>
    /// Decides the next step for an await on any of <paramref name="handles"/>. With implicit
    /// cancellation, the cancel signal is awaited too; when it arrives the calls this invocation
    /// made are cancelled and <see cref="ProgressKind.CancelSignalReceived"/> is returned, once.
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
            return result.Kind == ProgressKind.AnyCompleted && _results.IsCompleted(AsyncResults.CancelHandle)
                ? OnCancelled()
                : result;
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
        foreach (var handle in handles)
        {
            if (_results.IsCompleted(handle))
            {
                return ProgressResult.AnyCompleted;
            }
        }

        var ids = new HashSet<NotificationId>();
        foreach (var handle in handles)
        {
            if (_results.TryGetId(handle, out var id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0 || _results.ProcessUntilAnyFound(ids))
        {
            return ProgressResult.AnyCompleted;
        }

        if (State == InvocationState.Replaying)
        {
            // Had this await been unable to complete in the previous attempt, that attempt would have
            // stopped here: there would be no commands left to replay. So the code changed.
            throw ProtocolException.Mismatch(
                $"Journal mismatch: the handler code awaits {Describe(ids)} while replaying, but the replayed "
                + $"journal holds no result for it and still has {_replayCommands.Count} command(s) after "
                + $"command index {_journal.CommandIndex}. An await was added to the handler code.");
        }

        if (_runs.TryStartOne(handles) is { } run)
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
            if (result.Kind != ProgressKind.AnyCompleted)
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

    private static string Describe(IEnumerable<NotificationId> ids) => string.Join(", ", ids);
}
