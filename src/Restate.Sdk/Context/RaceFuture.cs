namespace Restate.Sdk;

/// <summary>Completes like the first child to complete: with its value or its failure.</summary>
internal sealed class RaceFuture<T>(InvocationContext context, DurableFutureNode<T>[] children)
    : CombinatorFuture<T>(context, children)
{
    protected override Outcome? TryDecide()
    {
        if (FirstCompleted() is not (var first and >= 0))
        {
            return null;
        }

        var winner = children[first];
        var task = winner.AsTask();
        return task.IsCompletedSuccessfully
            ? new Outcome(task.Result, null, winner.CompletionOrder)
            : new Outcome(default, FailureOf(winner), winner.CompletionOrder);
    }
}
