namespace Restate.Sdk;

/// <summary>
/// A future decided by the outcomes of other futures. Awaiting it makes its children wait; it is
/// decided inline when a child completes (on the invocation's scheduler), so which child "came
/// first" is the journal order of their results, the same on every replay.
/// </summary>
internal abstract class CombinatorFuture<T>(InvocationContext context, DurableFutureNode[] children)
    : DurableFutureNode<T>(context)
{
    private readonly TaskCompletionSource<T> _outcome = new();
    private readonly Lock _lock = new();
    private long _order = long.MaxValue;
    private bool _armed;

    protected DurableFutureNode[] Children { get; } = children;

    internal override long CompletionOrder => Volatile.Read(ref _order);

    public override Task<T> AsTask()
    {
        lock (_lock)
        {
            if (_armed)
            {
                return _outcome.Task;
            }

            _armed = true;
        }

        foreach (var child in Children)
        {
            child.AsTask().ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(Decide);
        }

        Decide();
        return _outcome.Task;
    }

    /// <summary>The outcome, once the children's states decide it; <c>null</c> while they do not.</summary>
    protected abstract Outcome? TryDecide();

    /// <summary>The child that completed first (lowest index among ties), or -1 while none has.</summary>
    protected int FirstCompleted()
    {
        var first = -1;
        for (var i = 0; i < Children.Length; i++)
        {
            if (Children[i].AsTask().IsCompleted && (first < 0 || Children[i].CompletionOrder < Children[first].CompletionOrder))
            {
                first = i;
            }
        }

        return first;
    }

    /// <summary>The first child to fail, or -1 while none has.</summary>
    protected int FirstFailed()
    {
        var first = -1;
        for (var i = 0; i < Children.Length; i++)
        {
            if (Children[i].AsTask().IsFaulted && (first < 0 || Children[i].CompletionOrder < Children[first].CompletionOrder))
            {
                first = i;
            }
        }

        return first;
    }

    protected static Exception FailureOf(DurableFutureNode child) =>
        child.AsTask().Exception?.InnerException ?? new InvalidOperationException("The future failed without an exception.");

    private void Decide()
    {
        Outcome? outcome;
        lock (_lock)
        {
            if (_outcome.Task.IsCompleted || TryDecide() is not { } decided)
            {
                return;
            }

            outcome = decided;
            Volatile.Write(ref _order, decided.Order);
        }

        if (outcome.Failure is { } failure)
        {
            _outcome.TrySetException(failure);
        }
        else
        {
            _outcome.TrySetResult(outcome.Value!);
        }
    }

    protected sealed record Outcome(T? Value, Exception? Failure, long Order);
}
