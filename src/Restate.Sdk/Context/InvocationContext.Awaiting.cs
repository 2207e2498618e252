using Restate.Sdk.Protocol;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// Awaiting durable results. A result takes part in progress once user code waits for it (a
/// Task-returning operation waits from the start; a durable future from its first await). When the
/// invocation's scheduler is quiescent it calls <see cref="DriveProgress"/>, which asks the state
/// machine about every waited handle at once and hands out at most one result, so the order in
/// which handler code sees results is the journal's, on the first run and on every replay.
/// </summary>
internal sealed partial class InvocationContext
{
    // Insertion-ordered, so that the handles go to the state machine in the order user code waited for them.
    private readonly List<IPendingResult> _waiting = [];
    private readonly List<int> _handles = [];
    private long _resolutionOrder;

    /// <summary>A number larger than that of every result handed out so far.</summary>
    internal long NextResolutionOrder() => Interlocked.Increment(ref _resolutionOrder);

    /// <summary>Makes <paramref name="result"/> take part in progress and suspensions from now on.</summary>
    internal void WaitFor(IPendingResult result)
    {
        lock (Sync)
        {
            _waiting.Add(result);
        }

        _session.Scheduler.RequestProgress();
    }

    /// <summary>
    /// One step of progress, called by the scheduler when handler code is quiescent. Returns false
    /// when nothing can happen until more input arrives, a run proposes its outcome, or handler code
    /// posts new work.
    /// </summary>
    internal bool DriveProgress()
    {
        IPendingResult? completed = null;
        NotificationResult? result = null;
        List<IPendingResult>? cancelled = null;
        PendingRun? runToStart = null;
        var runHandle = 0;
        lock (Sync)
        {
            if (_waiting.Count == 0 || Machine.IsClosed)
            {
                return false;
            }

            _handles.Clear();
            foreach (var waiting in _waiting)
            {
                _handles.Add(waiting.Handle);
            }

            ProgressResult progress;
            try
            {
                progress = Machine.DoProgress(_handles);
            }
            catch (ProtocolException)
            {
                // The state machine closed with an ErrorMessage; the transport sends it.
                return false;
            }

            switch (progress.Kind)
            {
                case ProgressKind.Completed:
                    var index = _waiting.FindIndex(w => w.Handle == progress.Handle);
                    completed = _waiting[index];
                    _waiting.RemoveAt(index);
                    result = Machine.TakeNotification(progress.Handle);
                    break;
                case ProgressKind.ExecuteRun:
                    runHandle = progress.Handle;
                    _runClosures.Remove(runHandle, out runToStart);
                    break;
                case ProgressKind.CancelSignalReceived:
                    cancelled = [.. _waiting];
                    _waiting.Clear();
                    AbandonRunsLocked(cancelled);
                    break;
                default:
                    // Waiting for input or a run, or suspended: whatever the code produced goes out in one write.
                    break;
            }
        }

        if (completed is not null)
        {
            completed.Complete(result!, NextResolutionOrder());
            return true;
        }

        if (cancelled is not null)
        {
            CancelRunClosures();
            foreach (var waiting in cancelled)
            {
                waiting.Fail(new TerminalException("cancelled", ErrorCodes.Cancelled));
            }

            return true;
        }

        FlushInBackground();
        if (runHandle != 0)
        {
            StartRun(runHandle, runToStart);
            return true;
        }

        return false;
    }

    /// <summary>A handler's work item threw (an <c>async void</c> method): the attempt fails and is retried.</summary>
    internal void OnUnhandledException(Exception error)
    {
        lock (Sync)
        {
            Machine.NotifyError(new InvocationError(ErrorCodes.Internal, error.Message, error.ToString()));
        }

        FlushInBackground();
    }

    private void FlushInBackground()
    {
        var flush = _session.FlushAsync();
        if (!flush.IsCompletedSuccessfully)
        {
            _ = flush.AsTask();
        }
    }

    /// <summary>
    /// A future whose result may already be there (an eager state read): completed at once when it
    /// is, so that reading state stays synchronous; waited for otherwise. Call under the lock.
    /// </summary>
    private LeafFuture<T> LeafFor<T>(int handle, Func<NotificationResult, T> map)
    {
        var leaf = new LeafFuture<T>(this, handle, map);
        if (Machine.IsCompleted(handle) && Machine.TakeNotification(handle) is { } result)
        {
            leaf.Complete(result, NextResolutionOrder());
        }

        return leaf;
    }
}
