namespace Restate.Sdk;

/// <summary>Completes with the index of the first child to complete, whether it succeeded or failed.</summary>
internal sealed class AnyFuture(InvocationContext context, DurableFutureNode[] children) : DurableFutureNode<int>(context)
{
    internal override bool IsResolved => children.Any(c => c.IsResolved);

    internal override bool IsFailed => false;

    internal override long ResolvedOrder => children.Where(c => c.IsResolved).Select(c => c.ResolvedOrder).DefaultIfEmpty().Min();

    internal override void CollectPendingLeaves(List<NotificationLeaf> leaves)
    {
        foreach (var child in children)
        {
            child.CollectPendingLeaves(leaves);
        }
    }

    internal override void ThrowIfFailed()
    {
    }

    internal override int GetResult() => FirstResolved(children);

    /// <summary>The index of the child that got its outcome first (the lowest index among ties).</summary>
    internal static int FirstResolved(DurableFutureNode[] children)
    {
        var first = -1;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i].IsResolved && (first < 0 || children[i].ResolvedOrder < children[first].ResolvedOrder))
            {
                first = i;
            }
        }

        return first;
    }
}
