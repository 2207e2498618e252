using System.Runtime.CompilerServices;

namespace Restate.Sdk;

/// <summary>
/// The base of every durable future: a leaf over one notification of the state machine, or a
/// combinator over other futures. A future is lazy: it waits (takes part in the invocation's
/// progress and its suspensions) only from the first <see cref="AsTask"/> or <c>await</c> on.
/// Its task completes on the invocation's scheduler, so continuations run in journal order.
/// </summary>
internal abstract class DurableFutureNode(InvocationContext context) : IDurableFuture
{
    internal InvocationContext Context { get; } = context;

    /// <summary>
    /// When the future got its outcome, relative to every other result of the invocation (see
    /// <see cref="InvocationContext.NextResolutionOrder"/>); <see cref="long.MaxValue"/> while it has none.
    /// </summary>
    internal abstract long CompletionOrder { get; }

    public abstract Task AsTask();

    public TaskAwaiter GetAwaiter() => AsTask().GetAwaiter();
}

/// <inheritdoc cref="DurableFutureNode"/>
internal abstract class DurableFutureNode<T>(InvocationContext context) : DurableFutureNode(context), IDurableFuture<T>
{
    public abstract override Task<T> AsTask();

    public new TaskAwaiter<T> GetAwaiter() => AsTask().GetAwaiter();

    Task<T> IDurableFuture<T>.AsTask() => AsTask();
}
