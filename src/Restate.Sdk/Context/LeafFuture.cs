using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>A future over a single notification, whose result <c>map</c> turns into a value.</summary>
internal class LeafFuture<T>(InvocationContext context, int handle, Func<NotificationResult, T> map)
    : DurableFutureNode<T>(context), IPendingResult
{
    // Continuations run inline on the scheduler that completes the task: that is what keeps them in journal order.
    private readonly TaskCompletionSource<T> _outcome = new();
    private long _order = long.MaxValue;
    private int _armed;

    public int Handle { get; } = handle;

    internal override long CompletionOrder => Volatile.Read(ref _order);

    public override Task<T> AsTask()
    {
        // A result that is already there (an eager state read) has nothing to wait for.
        if (!_outcome.Task.IsCompleted && Interlocked.Exchange(ref _armed, 1) == 0)
        {
            Context.WaitFor(this);
        }

        return _outcome.Task;
    }

    public void Complete(NotificationResult result, long order)
    {
        Volatile.Write(ref _order, order);
        T value;
        try
        {
            value = map(result.ThrowIfFailure());
        }
        catch (Exception e)
        {
            _outcome.TrySetException(e);
            return;
        }

        _outcome.TrySetResult(value);
    }

    public void Fail(Exception error)
    {
        Volatile.Write(ref _order, Context.NextResolutionOrder());
        _outcome.TrySetException(error);
    }
}
