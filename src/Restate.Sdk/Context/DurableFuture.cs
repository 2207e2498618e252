namespace Restate.Sdk;

/// <summary>
/// Combinators over durable futures. They wait through Restate, so an invocation can suspend
/// while it waits and resume with the same outcome on replay.
/// </summary>
public static class DurableFuture
{
    /// <summary>Completes when all futures have completed; fails as soon as one fails.</summary>
    public static IDurableFuture All(params IDurableFuture[] futures)
    {
        var nodes = Nodes(futures);
        return new AllFuture<bool>(nodes[0].Context, nodes, _ => true);
    }

    /// <summary>The values of all futures, in order; fails as soon as one fails.</summary>
    public static IDurableFuture<T[]> All<T>(params IDurableFuture<T>[] futures)
    {
        var nodes = TypedNodes(futures);
        return new AllFuture<T[]>(nodes[0].Context, nodes, _ => Array.ConvertAll(nodes, n => n.AsTask().Result));
    }

    /// <summary>The index of the first future to complete, successfully or not.</summary>
    public static IDurableFuture<int> Any(params IDurableFuture[] futures)
    {
        var nodes = Nodes(futures);
        return new AnyFuture(nodes[0].Context, nodes);
    }

    /// <summary>Completes like the first future to complete: with its value or its failure.</summary>
    public static IDurableFuture<T> Race<T>(params IDurableFuture<T>[] futures)
    {
        var nodes = TypedNodes(futures);
        return new RaceFuture<T>(nodes[0].Context, nodes);
    }

    private static DurableFutureNode[] Nodes(IDurableFuture[] futures)
    {
        ArgumentNullException.ThrowIfNull(futures);
        if (futures.Length == 0)
        {
            throw new ArgumentException("At least one future is needed.", nameof(futures));
        }

        var nodes = new DurableFutureNode[futures.Length];
        for (var i = 0; i < futures.Length; i++)
        {
            nodes[i] = futures[i] as DurableFutureNode
                ?? throw new ArgumentException(
                    $"Future {i} was not created by a Restate context; only durable futures can be combined.",
                    nameof(futures));
            if (nodes[i].Context != nodes[0].Context)
            {
                throw new ArgumentException("All futures must belong to the same invocation.", nameof(futures));
            }
        }

        return nodes;
    }

    private static DurableFutureNode<T>[] TypedNodes<T>(IDurableFuture<T>[] futures)
    {
        var nodes = Nodes(futures);
        return Array.ConvertAll(nodes, n => (DurableFutureNode<T>)n);
    }
}
