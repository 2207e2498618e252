using System.Runtime.CompilerServices;

namespace Restate.Sdk;

/// <inheritdoc cref="DurableFutureNode"/>
internal abstract class DurableFutureNode<T>(InvocationContext context) : DurableFutureNode(context), IDurableFuture<T>
{
    private readonly Lock _taskLock = new();
    private Task<T>? _task;

    /// <summary>The node's value; call only once it is resolved. Throws its failure.</summary>
    internal abstract T GetResult();

    /// <summary>Starts awaiting on first use; every later await shares the same task.</summary>
    public override Task<T> AsTask()
    {
        lock (_taskLock)
        {
            return _task ??= AwaitResultAsync();
        }
    }

    public new TaskAwaiter<T> GetAwaiter() => AsTask().GetAwaiter();

    Task IDurableFuture.AsTask() => AsTask();

    private async Task<T> AwaitResultAsync()
    {
        await Context.AwaitAsync(this).ConfigureAwait(false);
        return GetResult();
    }
}
