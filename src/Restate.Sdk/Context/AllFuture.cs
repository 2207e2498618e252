namespace Restate.Sdk;

/// <summary>
/// Completes with the children's values, in order, when every child has completed; fails as soon
/// as one child fails (like <c>Promise.all</c>), with the failure that came first.
/// </summary>
internal sealed class AllFuture<T>(InvocationContext context, DurableFutureNode[] children, Func<DurableFutureNode[], T> values)
    : CombinatorFuture<T>(context, children)
{
    protected override Outcome? TryDecide()
    {
        if (FirstFailed() is var failed and >= 0)
        {
            return new Outcome(default, FailureOf(Children[failed]), Children[failed].CompletionOrder);
        }

        var last = 0L;
        foreach (var child in Children)
        {
            if (!child.AsTask().IsCompletedSuccessfully)
            {
                return null;
            }

            last = Math.Max(last, child.CompletionOrder);
        }

        return new Outcome(values(Children), null, last);
    }
}
