namespace Restate.Sdk;

/// <summary>
/// Completes when every child has completed, or fails as soon as one child fails (like
/// <c>Promise.all</c>). The values, if any, come from the children.
/// </summary>
internal class AllFuture(InvocationContext context, DurableFutureNode[] children) : DurableFutureNode<bool>(context)
{
    internal override bool IsResolved => IsFailed || children.All(c => c.IsResolved);

    internal override bool IsFailed => children.Any(c => c.IsFailed);

    internal override long ResolvedOrder => IsFailed
        ? children.Where(c => c.IsFailed).Min(c => c.ResolvedOrder)
        : children.Select(c => c.ResolvedOrder).DefaultIfEmpty().Max();

    internal override void CollectPendingLeaves(List<NotificationLeaf> leaves)
    {
        foreach (var child in children)
        {
            child.CollectPendingLeaves(leaves);
        }
    }

    internal override void ThrowIfFailed()
    {
        if (IsFailed)
        {
            children.Where(c => c.IsFailed).MinBy(c => c.ResolvedOrder)!.ThrowIfFailed();
        }
    }

    internal override bool GetResult()
    {
        ThrowIfFailed();
        return true;
    }
}
