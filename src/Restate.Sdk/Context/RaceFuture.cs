namespace Restate.Sdk;

/// <summary>Completes like the first child to complete: with its value or its failure.</summary>
internal sealed class RaceFuture<T>(InvocationContext context, DurableFutureNode<T>[] children) : DurableFutureNode<T>(context)
{
    internal override bool IsResolved => children.Any(c => c.IsResolved);

    internal override bool IsFailed => IsResolved && First.IsFailed;

    internal override long ResolvedOrder => IsResolved ? First.ResolvedOrder : 0;

    private DurableFutureNode<T> First => children[AnyFuture.FirstResolved(children)];

    internal override void CollectPendingLeaves(List<NotificationLeaf> leaves)
    {
        foreach (var child in children)
        {
            child.CollectPendingLeaves(leaves);
        }
    }

    internal override void ThrowIfFailed() => First.ThrowIfFailed();

    internal override T GetResult() => First.GetResult();
}
