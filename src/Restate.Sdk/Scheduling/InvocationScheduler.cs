namespace Restate.Sdk.Scheduling;

/// <summary>
/// The deterministic scheduler of one invocation attempt. Durable results reach handler code only
/// through its progress loop, one at a time: each step hands out at most one result, and the
/// continuations waiting for it run inline, right there, until the handler waits again. Only then
/// does the next step start. So the interleaving of concurrent branches depends only on the order
/// of results in the journal, the same on every replay, and never on timing.
/// <para>
/// Handler code runs with no synchronization context, so every continuation of a durable await —
/// with or without <c>ConfigureAwait(false)</c>, inside <c>Task.WhenAll</c> or an async helper —
/// runs inline on the thread that completed the result, inside the loop. (A custom synchronization
/// context cannot do this: .NET never inlines a <c>ConfigureAwait(false)</c> continuation while one
/// is current, and queues it to the thread pool instead.) Code that awaits something that is not
/// durable (a delay, direct I/O) continues wherever that completes; the analyzers flag it.
/// </para>
/// <para>
/// The loop runs on thread-pool threads, one pass at a time; no thread is held while it waits.
/// Once the handler's task has completed it stops, so the transport writes the output of a
/// handler that is done, never of one still moving.
/// </para>
/// </summary>
internal sealed class InvocationScheduler : IThreadPoolWorkItem
{
    private readonly Lock _lock = new();
    private readonly Func<bool> _step;
    private readonly Action<Exception> _onUnhandled;
    private Task? _handler;
    private bool _started;
    private bool _running;
    private bool _progressRequested;
    private bool _stopped;

    /// <param name="step">
    /// One step of progress: hands out at most one result and returns true if it did something,
    /// false when there is nothing to do until more input, a run's outcome, or a new wait arrives.
    /// </param>
    /// <param name="onUnhandled">Called with an exception a step threw.</param>
    public InvocationScheduler(Func<bool> step, Action<Exception> onUnhandled)
    {
        _step = step;
        _onUnhandled = onUnhandled;
    }

    /// <summary>
    /// Runs the handler, <paramref name="start"/>, on the calling thread up to its first wait, then
    /// the progress loop while it can make progress, and returns the handler's task.
    /// </summary>
    public Task<T> Start<T>(Func<Task<T>> start)
    {
        Task<T> handler;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            lock (_lock)
            {
                _started = true;
                _running = true;
            }

            try
            {
                handler = start();
            }
            catch (Exception e)
            {
                handler = Task.FromException<T>(e);
            }

            Volatile.Write(ref _handler, handler);
            Loop();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        return handler;
    }

    /// <summary>Something happened that may let a waited result complete: input, a run's outcome, a new wait.</summary>
    public void RequestProgress()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _progressRequested = true;

            // Before the handler starts there is nothing to make progress for; Start runs the loop.
            if (_running || !_started)
            {
                return;
            }

            _running = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>The attempt is over: no more progress, and handler code waiting for a result never resumes.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
        }
    }

    void IThreadPoolWorkItem.Execute() => Loop();

    private void Loop()
    {
        while (true)
        {
            lock (_lock)
            {
                _stopped |= Volatile.Read(ref _handler) is { IsCompleted: true };
                if (_stopped)
                {
                    _running = false;
                    return;
                }

                _progressRequested = false;
            }

            if (Step())
            {
                continue;
            }

            lock (_lock)
            {
                if (!_progressRequested || _stopped)
                {
                    _running = false;
                    return;
                }
            }
        }
    }

    private bool Step()
    {
        try
        {
            return _step();
        }
        catch (Exception e)
        {
            _onUnhandled(e);
            return false;
        }
    }
}
