namespace Restate.Sdk;

/// <summary>A handle on an invocation started with <see cref="IContext.Send"/>.</summary>
public sealed class InvocationHandle(IDurableFuture<string> invocationId)
{
    /// <summary>The callee's invocation id, once Restate has enqueued it.</summary>
    public IDurableFuture<string> InvocationId { get; } = invocationId;
}
