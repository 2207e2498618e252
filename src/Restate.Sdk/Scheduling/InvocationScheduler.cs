namespace Restate.Sdk.Scheduling;

/// <summary>
/// The deterministic scheduler of one invocation attempt. Handler code runs on it as on a single
/// thread: every continuation the handler posts (every <c>await</c> that captures the
/// synchronization context) runs here, one at a time, in the order it was posted. Only when no
/// work is left — the handler is quiescent — does the scheduler ask for progress on durable
/// results, and each progress step hands out at most one result, whose continuations run before
/// the next step. So the interleaving of concurrent branches depends only on the order of results
/// in the journal, the same on every replay, and never on timing.
/// <para>
/// A progress step runs with no synchronization context, so continuations that do not capture one
/// (<c>ConfigureAwait(false)</c>) run inline, right there, instead of on another thread; those that
/// captured the scheduler are posted to it. Once the handler's task has completed, nothing more
/// runs: the transport writes the output of a handler that is done, not of one still moving.
/// Work items run on thread-pool threads, one drain at a time; no thread is held while idle.
/// </para>
/// </summary>
internal sealed class InvocationScheduler : SynchronizationContext, IThreadPoolWorkItem
{
    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _work = new();
    private readonly Func<bool> _onQuiescent;
    private readonly Action<Exception> _onUnhandled;
    private Task? _handler;
    private bool _draining;
    private bool _progressRequested;
    private bool _stopped;

    /// <param name="onQuiescent">
    /// Called when no work is left; makes one step of progress and returns true if it did (which
    /// may have posted work or run continuations), false when there is nothing to do until more
    /// input, a run's outcome, or new work arrives.
    /// </param>
    /// <param name="onUnhandled">Called with an exception a work item threw (an <c>async void</c> method, say).</param>
    public InvocationScheduler(Func<bool> onQuiescent, Action<Exception> onUnhandled)
    {
        _onQuiescent = onQuiescent;
        _onUnhandled = onUnhandled;
    }

    /// <summary>
    /// Runs the handler, <paramref name="start"/>, as the scheduler's first work item — on the
    /// calling thread when no drain is under way, saving a thread hop per invocation — and returns
    /// its task. The scheduler stops the moment that task completes.
    /// </summary>
    public Task<T> Start<T>(Func<Task<T>> start)
    {
        var started = new TaskCompletionSource<Task<T>>();
        var item = new WorkItem(
            _ =>
            {
                Task<T> handler;
                try
                {
                    handler = start();
                }
                catch (Exception e)
                {
                    handler = Task.FromException<T>(e);
                }

                Volatile.Write(ref _handler, handler);
                started.SetResult(handler);
            },
            null);
        lock (_lock)
        {
            if (_stopped)
            {
                return Task.FromCanceled<T>(new CancellationToken(canceled: true));
            }

            _work.Enqueue(item);
            if (!TryStartDrainLocked())
            {
                return started.Task.Unwrap();
            }
        }

        var previous = Current;
        try
        {
            Drain();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        return started.Task.Unwrap();
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _work.Enqueue(new WorkItem(d, state));
            if (!TryStartDrainLocked())
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous sends to a Restate invocation scheduler are not supported.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Something happened that may let a waiting result complete (input, a run's outcome).</summary>
    public void RequestProgress()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _progressRequested = true;
            if (!TryStartDrainLocked())
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>The attempt is over: queued and later work is dropped, and handler code never resumes.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            StopLocked();
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            Drain();
        }
        finally
        {
            SetSynchronizationContext(null);
        }
    }

    private bool TryStartDrainLocked()
    {
        if (_draining)
        {
            return false;
        }

        _draining = true;
        return true;
    }

    private void StopLocked()
    {
        _stopped = true;
        _work.Clear();
    }

    private void Drain()
    {
        while (true)
        {
            SetSynchronizationContext(this);
            var ranOut = RunQueuedWork();
            lock (_lock)
            {
                if (!ranOut || _stopped)
                {
                    _draining = false;
                    return;
                }

                _progressRequested = false;
            }

            SetSynchronizationContext(null);
            if (Quiescent())
            {
                continue;
            }

            lock (_lock)
            {
                if (HandlerDone())
                {
                    StopLocked();
                }

                if (_stopped || (_work.Count == 0 && !_progressRequested))
                {
                    _draining = false;
                    return;
                }
            }
        }
    }

    /// <summary>Runs queued work until none is left (true) or the scheduler stopped (false).</summary>
    private bool RunQueuedWork()
    {
        while (true)
        {
            WorkItem item;
            lock (_lock)
            {
                if (HandlerDone())
                {
                    StopLocked();
                }

                if (_stopped)
                {
                    return false;
                }

                if (!_work.TryDequeue(out item))
                {
                    return true;
                }
            }

            try
            {
                item.Callback(item.State);
            }
            catch (Exception e)
            {
                _onUnhandled(e);
            }
        }
    }

    private bool Quiescent()
    {
        lock (_lock)
        {
            if (HandlerDone())
            {
                StopLocked();
                return false;
            }
        }

        try
        {
            return _onQuiescent();
        }
        catch (Exception e)
        {
            _onUnhandled(e);
            return false;
        }
    }

    private bool HandlerDone() => Volatile.Read(ref _handler) is { IsCompleted: true };

    private readonly record struct WorkItem(SendOrPostCallback Callback, object? State);
}
