namespace Restate.Sdk;

/// <summary>
/// What a Restate cancellation does to run closures. Their token fires when the attempt ends or the
/// invocation is cancelled; a closure that is executing then is abandoned: its outcome is never
/// proposed (the handler already saw its await fail with the cancellation). A run that was waited for
/// but had not started never will; one nobody waited for yet is left alone.
/// </summary>
internal sealed partial class InvocationContext
{
    private readonly HashSet<int> _executingRuns = [];
    private readonly HashSet<int> _abandonedRuns = [];
    private CancellationTokenSource? _runCancellation;

    /// <summary>The token run closures get: fires when the attempt is over or the invocation is cancelled.</summary>
    private CancellationToken RunCancellationToken()
    {
        lock (Sync)
        {
            _runCancellation ??= CancellationTokenSource.CreateLinkedTokenSource(Aborted);
            return _runCancellation.Token;
        }
    }

    /// <summary>Call under the lock when a closure starts executing.</summary>
    private void MarkRunExecuting(int handle) => _executingRuns.Add(handle);

    /// <summary>Call under the lock before proposing: false when the closure was abandoned by a cancellation.</summary>
    private bool TryFinishRun(int handle) => _executingRuns.Remove(handle) && !_abandonedRuns.Remove(handle);

    /// <summary>
    /// The invocation was cancelled while <paramref name="failed"/> were waited for: abandon the executing
    /// closures and those of the failed runs. Call under the lock; then <see cref="CancelRunClosures"/>.
    /// </summary>
    private void AbandonRunsLocked(IEnumerable<IPendingResult> failed)
    {
        foreach (var handle in _executingRuns)
        {
            _abandonedRuns.Add(handle);
            Machine.AbandonRun(handle);
        }

        foreach (var result in failed)
        {
            if (_runClosures.Remove(result.Handle))
            {
                Machine.AbandonRun(result.Handle);
            }
        }
    }

    /// <summary>Fires the closures' token, outside the lock: its callbacks run user code.</summary>
    private void CancelRunClosures()
    {
        CancellationTokenSource? source;
        lock (Sync)
        {
            source = _runCancellation;
        }

        try
        {
            source?.Cancel();
        }
        catch (AggregateException)
        {
            // A callback a closure registered threw; the closure is abandoned either way.
        }
    }
}
