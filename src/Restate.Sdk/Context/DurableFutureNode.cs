using System.Runtime.CompilerServices;

namespace Restate.Sdk;

/// <summary>
/// The base of every durable future: a tree whose leaves are notifications of the state machine
/// and whose inner nodes are combinators. The invocation context awaits a node by letting the state
/// machine make progress on its pending leaves until the node is resolved.
/// </summary>
internal abstract class DurableFutureNode(InvocationContext context) : IDurableFuture
{
    internal InvocationContext Context { get; } = context;

    /// <summary>True once the node has its outcome, a value or a failure.</summary>
    internal abstract bool IsResolved { get; }

    /// <summary>True once the node has failed (with a terminal failure).</summary>
    internal abstract bool IsFailed { get; }

    /// <summary>The order in which the node got its outcome, to tell which of several came first.</summary>
    internal abstract long ResolvedOrder { get; }

    internal abstract void CollectPendingLeaves(List<NotificationLeaf> leaves);

    /// <summary>Throws the node's failure as a <see cref="TerminalException"/>, if it failed.</summary>
    internal abstract void ThrowIfFailed();

    public abstract Task AsTask();

    public TaskAwaiter GetAwaiter() => AsTask().GetAwaiter();
}
