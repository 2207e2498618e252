namespace Restate.Sdk;

/// <summary>Completes with the index of the first child to complete, whether it succeeded or failed.</summary>
internal sealed class AnyFuture(InvocationContext context, DurableFutureNode[] children)
    : CombinatorFuture<int>(context, children)
{
    protected override Outcome? TryDecide() =>
        FirstCompleted() is var first and >= 0 ? new Outcome(first, null, Children[first].CompletionOrder) : null;
}
