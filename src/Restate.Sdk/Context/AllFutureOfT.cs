namespace Restate.Sdk;

/// <summary>Like <see cref="AllFuture"/>, with the children's values in their order.</summary>
internal sealed class AllFuture<T>(InvocationContext context, DurableFutureNode<T>[] children) : DurableFutureNode<T[]>(context)
{
    private readonly AllFuture _all = new(context, children);

    internal override bool IsResolved => _all.IsResolved;

    internal override bool IsFailed => _all.IsFailed;

    internal override long ResolvedOrder => _all.ResolvedOrder;

    internal override void CollectPendingLeaves(List<NotificationLeaf> leaves) => _all.CollectPendingLeaves(leaves);

    internal override void ThrowIfFailed() => _all.ThrowIfFailed();

    internal override T[] GetResult()
    {
        _all.ThrowIfFailed();
        return Array.ConvertAll(children, c => c.GetResult());
    }
}
