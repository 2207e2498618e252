using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>A future over a single notification, whose result <c>map</c> turns into a value.</summary>
internal class LeafFuture<T>(InvocationContext context, NotificationLeaf leaf, Func<NotificationResult, T> map)
    : DurableFutureNode<T>(context)
{
    internal NotificationLeaf Leaf { get; } = leaf;

    internal override bool IsResolved => Leaf.IsResolved;

    internal override bool IsFailed => Leaf.Result?.IsFailure ?? false;

    internal override long ResolvedOrder => Leaf.Order;

    internal override void CollectPendingLeaves(List<NotificationLeaf> leaves)
    {
        if (!Leaf.IsResolved)
        {
            leaves.Add(Leaf);
        }
    }

    internal override void ThrowIfFailed() => Leaf.Result?.ThrowIfFailure();

    internal override T GetResult() => map(Leaf.Result!.ThrowIfFailure());
}
